"""What noise looks like: the line patterns of scraped news, and the names of the wire agencies.

Kept apart from the classifier so that the rules read as a list: each pattern matches a whole line
(case-insensitive unless said otherwise) and says what kind of line it is.
"""

from __future__ import annotations

import re

# Wire agencies by the names they appear under, mapped to the short name we report.
WIRE_AGENCIES: dict[str, str] = {
    "ap": "AP",
    "the associated press": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "upi": "UPI",
    "united press international": "UPI",
    "pa": "PA Media",
    "pa media": "PA Media",
    "press association": "PA Media",
    "aap": "AAP",
    "australian associated press": "AAP",
    "the canadian press": "Canadian Press",
    "canadian press": "Canadian Press",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "tass": "TASS",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "pti": "PTI",
    "ians": "IANS",
    "bloomberg": "Bloomberg",
}
_AGENCY_ALTERNATIVES = "|".join(sorted((re.escape(name) for name in WIRE_AGENCIES), key=len, reverse=True))
AGENCY = re.compile(rf"\b(?:{_AGENCY_ALTERNATIVES})\b", re.IGNORECASE)

# Photo agencies and picture desks: they credit photographs, never a story.
PHOTO_AGENCIES = (
    r"(?:AP(?: Photo)?|AFP(?: Photo)?|REUTERS|Reuters|EPA(?:-EFE)?|Getty Images|Shutterstock|Xinhua|Anadolu|"
    r"Bloomberg|Alamy|PA(?: Wire| Images)?|Sipa|Zuma(?: Press)?|NurPhoto|SOPA Images|Pool|AAP(?: Image)?|dpa)"
)


def wire_name(text: str) -> str | None:
    """The reported name of the wire agency `text` names ("The Associated Press" -> "AP"), if it is one."""
    return WIRE_AGENCIES.get(re.sub(r"\s+", " ", text.strip(" .()[]").lower()))


def _line(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", flags)


_WIDGET_WORD = (
    r"share this (?:article|story|page|post|video)|share (?:on|via) \w+|share|comments?|\d+ comments?|"
    r"close button|close|facebook|twitter|whatsapp|e-?mail|print|linkedin|copy link|link copied|copy|"
    r"save(?: article)?|messenger|reddit|"
    r"telegram|pinterest|flipboard|tweet|sms|x|bookmark|gift (?:this )?article|listen(?: to this article)?|"
    r"\d+ min(?:ute)?s? read|play|pause|mute|unmute|next|previous|prev|expand|collapse|show more|show less|"
    r"view comments|show comments|leave a comment|add a comment|reply|like|follow(?: us)?(?: on \w+)?"
)
WIDGET = _line(rf"(?:(?:{_WIDGET_WORD})[\s|·•,/:\-]*)+")

RELATED_HEADING = _line(
    r"(?:you (?:might|may) (?:also )?(?:like|enjoy|be interested in)|related(?: (?:articles?|stories|content|coverage|"
    r"news|topics|posts|reading|links|videos))?|more (?:from|on|in|about) .{1,40}|more (?:stories|news|articles|"
    r"headlines|like this|to explore|to read|videos)|recommended(?: for you| stories| reading| articles| videos)?|"
    r"most (?:read|popular|viewed|shared|watched)|trending(?: now| stories| news)?|editor'?s'? picks|further reading|"
    r"(?:also|read) (?:read|more|next|also)|don'?t miss|latest(?: news| stories| headlines)?|top (?:stories|news)|"
    r"what to read next|in case you missed it|in other news|popular (?:now|stories|today)|around the web|"
    r"from the web|(?:sponsored|promoted|partner) (?:content|stories|links)|people (?:also )?read|watch next|"
    r"up next|more videos|latest videos|read these next|keep reading"
    r")\s*:?"
)
# "Read more: Floods close the port" - a link to another article, inline.
RELATED_INLINE = re.compile(
    r"^(?:read more|related|see also|also read|read also|more|recommended|watch|listen|read next|opinion)"
    r"\s*[:|>»-]\s+\S",
    re.IGNORECASE,
)

BOILERPLATE = [
    (
        _line(r"(?:advertisement|advert|ad|sponsored|paid content|promoted)(?: - scroll to continue| content)?\.?"),
        "advertisement",
    ),
    (_line(r"skip (?:to (?:main )?(?:content|navigation)|advertisement|ad)"), "page navigation"),
    (
        _line(
            r"(?:sign|log) ?(?:in|up|out)(?: (?:to|for) .{0,60})?|register|subscribe(?: now| today)?|"
            r"already a (?:subscriber|member)\??.*|create (?:an|your) (?:free )?account.*|my account|"
            r"forgot (?:your )?password\??"
        ),
        "account or subscription prompt",
    ),
    (
        re.compile(
            r"\bcookies?\b.*\b(?:accept|consent|agree|policy|settings|preferences|privacy|experience)\b|"
            r"\b(?:accept|reject|manage) (?:all )?cookies\b",
            re.IGNORECASE,
        ),
        "cookie banner",
    ),
    (re.compile(r"all rights reserved|^(?:©|\(c\)|copyright\b)", re.IGNORECASE), "copyright notice"),
    (
        _line(
            r"(?:terms (?:of (?:use|service)|and conditions)|privacy(?: policy| notice| settings)?|contact us|about us|"
            r"accessibility|sitemap|careers|help|faq|cookie (?:policy|settings)|do not sell my .{1,40})"
            r"(?:\s*[|·•]\s*.{1,40})*"
        ),
        "site links",
    ),
    (
        re.compile(
            r"\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|delivered|register)\b|"
            r"\b(?:sign up|subscribe)\b.*\bnewsletters?\b|\bin your inbox\b",
            re.IGNORECASE,
        ),
        "newsletter promotion",
    ),
    (
        re.compile(
            r"^(?:click|tap) here\b|^continue reading\b|^read (?:the )?full (?:story|article)|"
            r"please enable javascript|you have reached (?:your|the) (?:limit|maximum)|support (?:our|independent) "
            r"journalism|^our standards:|trust principles\.?$|^loading\.*$|^image \d+ of \d+$|^\d+ of \d+$|"
            r"^(?:photo|video|image)s?(?: gallery)?$|^(?:topics|tags|filed under|categories)\s*:",
            re.IGNORECASE,
        ),
        "page furniture",
    ),
    (
        re.compile(
            r"^(?:published|updated|last updated|posted|first published|modified)\b(?:\s*(?:on|at))?\s*[:\-]?\s*"
            r".{0,60}\d|^\d+ (?:minutes?|hours?|days?|mins?|hrs?) ago$",
            re.IGNORECASE,
        ),
        "timestamp",
    ),
]

_NAME = r"[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|de|da|van|von|der|bin|al|el|la|le))*"
BYLINE = re.compile(
    rf"^(?:by|written by|words by|reporting by|words:|author:|authors:)\s+(?P<names>(?:the\s+)?{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*)(?:\s*(?:,|\||/|-|–|—|\bin\b|\bfor\b)\s*(?P<rest>.{{1,80}}))?$",
    re.IGNORECASE,
)
NAME_PART = re.compile(_NAME)

WIRE_LINE = re.compile(
    rf"^(?:(?:source|sources|agency|via)\s*:\s*(?P<source>.{{1,80}})|[-–—]?\s*(?:\(|\[)?(?P<agency>{_AGENCY_ALTERNATIVES})"
    r"(?:\)|\])?\.?|this (?:story|article) (?:has been|was) (?:published|auto-generated) from an? (?:wire|syndicated) "
    r"(?:agency )?feed.*)$",
    re.IGNORECASE,
)
WIRE_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?P<agency>(?:the\s+)?(?:{_AGENCY_ALTERNATIVES}))\b",
    re.IGNORECASE,
)
OUTLET_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<outlet>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,5})"
)

CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional |extra )?reporting|writing|written|editing|edited|compiled|contributing|research|"
    r"graphics|produced|production|translated|translation|fact[- ]checking|photos|video)\s+by\b.*|"
    r"^\(?\s*(?:additional reporting|contributing|contributors?)\s*:.*|"
    r".{3,120}\bcontributed (?:to )?(?:this )?(?:report|reporting|story|article)\b.{0,40}",
    re.IGNORECASE,
)
CREDIT_PART = re.compile(
    r"(?P<role>(?:additional |extra )?reporting|writing|written|editing|edited|compiled|research|graphics|produced|"
    r"translated|fact[- ]checking|photos|video)\s+by\s+(?P<names>.+?)\s*(?=;|$)",
    re.IGNORECASE,
)

# A photo credit on a line of its own: "REUTERS/Samrang Pring", "Photo: Jane Roe/AFP", "(AP Photo/Heng Sinith)".
PHOTO_CREDIT = re.compile(
    rf"^[\[(]?\s*(?:(?:photo|photograph|picture|image|credit|photo credit|image source|image copyright|illustration|"
    rf"video|file)s?(?: by)?\s*[:：]?\s*.{{1,80}}|{PHOTO_AGENCIES}(?:/[^/\n]{{1,60}}){{1,3}}|"
    rf"(?:[A-Z][\w.'-]+\s+){{1,4}}(?:/|via|for)\s*{PHOTO_AGENCIES}|{PHOTO_AGENCIES})\s*[\])]?$",
)
PHOTO_CREDIT_START = re.compile(
    r"^(?:photo|photograph|picture|image|credit|photo credit|image copyright|file)s?\s*[:：]", re.IGNORECASE
)

# A caption carries its credit with it: "[File: Samrang Pring/Reuters]", "REUTERS/Samrang Pring/File Photo",
# "(AP Photo/Heng Sinith)", "Photo: Jane Roe/AFP", "(Jane Roe/Getty Images)".
CAPTION_CREDIT = re.compile(
    rf"\[\s*(?:file|photo|image|picture)?\s*:?\s*(?P<bracketed>[^\]]{{2,80}})\]\s*$|"
    rf"\(\s*(?P<parenthesised>(?:(?:AP|AFP|Reuters|EPA|Getty) Photo/|photo:|photo by|image:|picture:)[^)]{{2,80}}|"
    rf"[^()]{{2,60}}(?:/| via | for ){PHOTO_AGENCIES})\s*\)\s*$|"
    rf"(?P<agency_slash>\b(?:REUTERS|AP Photo|AFP Photo|AFP|EPA-EFE|EPA|XINHUA|ANADOLU)/[^\n]{{2,120}})$|"
    rf"(?:^|\s)(?P<labelled>(?:photo|photograph|picture|image|credit)s?\s*(?::|by)\s*[^.]{{2,80}})$",
)
CAPTION_START = re.compile(
    r"^(?:file photo|file|photo|pictured|above|top|left|right|main image|image caption|caption)\s*:",
    re.IGNORECASE,
)

# "PHNOM PENH (Reuters) -", "WASHINGTON (AP) —", "PARIS, Nov 27 (Reuters) -", "Phnom Penh, Cambodia -- "
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:,\s*[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+)*)?)"
    r"(?:,\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[A-Za-z .-]{2,40})\))?\s*(?:-{1,2}|–|—|:)\s+(?=\S)"
)
