"""`corroborate serve`: a web app over the library, pages rendered on the server, nothing fetched from elsewhere.

`create_app(db_path)` builds the FastAPI app; `corroborate serve` runs it with uvicorn on 127.0.0.1.
"""

from corroborate.serve.app import create_app

__all__ = ["create_app"]
