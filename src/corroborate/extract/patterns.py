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


# A line that is only a web address: "https://example.com/news/1234", "www.example.com".
BARE_ADDRESS = re.compile(r"^(?:https?://)?(?P<host>(?:www\.)?[\w-]+(?:\.[\w-]+)+)(?:[/?#]\S*)?$", re.IGNORECASE)


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
    r"up next|more videos|latest videos|read these next|keep reading|most read in .{1,40}|"
    r"(?:leggi|lire|lesen sie|leia|lea|ver|veja|voir) (?:anche|aussi|auch|também|también|mais)"
    r")\s*[:.…]*"
)
# "Read more: Floods close the port" - a link to another article, inline.
RELATED_INLINE = re.compile(
    r"^[\[(]?\s*(?:read more|related|see also|see more|also read|read also|also|more|recommended|watch|listen|"
    r"read next|"
    r"opinion|(?:leggi|lire|lesen sie|leia|lea|ver|veja|voir) (?:anche|aussi|auch|também|también|mais)(?: su)?)"
    r"\s*[:|>»-]\s+\S|"
    r"^also on [\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|info)\s+\S",  # "Also on example.com <headline>"
    re.IGNORECASE,
)

# "Plague fears grow as tourists die [INSIGHT]": a link to another story, its kind tagged in capitals.
RELATED_TAGGED = re.compile(
    r"^\S.{8,200}\s\[(?:[A-Z]{3,}(?:\s[A-Z]{3,})?|Video|Videos|Photos?|Pictures|Gallery|Watch|Live|Poll|Quiz)\]$"
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
            r"forgot (?:your )?password\??|(?:don'?t|do not) have an account\??.*|not a member\??.*|"
            r"(?:user ?name|e-?mail address|password)(?: or (?:user ?name|e-?mail(?: address)?|password))*\s*:?|"
            r"remember me|keep me (?:signed|logged) in|(?:your )?session (?:has )?(?:expired|timed out)\b.*|"
            r"you (?:have been|are now) (?:logged|signed) out\b.*"
        ),
        "account or subscription prompt",
    ),
    (
        re.compile(
            r"\bcookies?\b.*\b(?:accept|consent|agree|policy|settings|preferences|privacy|experience)\b|"
            r"\b(?:accept|reject|manage) (?:all )?cookies\b|"
            r"^(?:this|our) (?:web)?site uses cookies\b|^we use cookies\b|"
            r"^(?:(?:accept|reject|allow|decline)(?: all)?(?: cookies)?|manage (?:preferences|settings|consent))$",
            re.IGNORECASE,
        ),
        "cookie banner",
    ),
    (re.compile(r"all rights reserved|^(?:©|\(c\)|copyright\b)", re.IGNORECASE), "copyright notice"),
    (
        re.compile(
            r"^(?:(?:http )?error:? )?(?:404|403|410|500)\s*[-:.|]?\s*(?:error|(?:page )?not found|forbidden|gone|"
            r"internal server error)?[.!]?$|^(?:sorry,? )?(?:the )?(?:page|file|content) (?:was )?not found\b.{0,40}$|"
            r"\bthe (?:page|file|content|article) you (?:are|were) looking for\b|"
            r"\bthe (?:page|url|address) you (?:have )?(?:requested|entered)\b|^access denied\b|"
            r"^(?:sorry,? )?(?:this|the) page (?:(?:does not|doesn't|no longer) exists?|"
            r"(?:could|can)(?: ?not|n't) be found|(?:has been|was|may have been) (?:moved|removed|deleted))|"
            r"^(?:sorry,? )?something went wrong\b|^(?:go|return|back) (?:to )?(?:the )?(?:home ?page|front page)\b",
            re.IGNORECASE,
        ),
        "error page",
    ),
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
            r"\b(?:sign up|subscribe)\b.*\bnewsletters?\b|^(?:\S+\s+){0,3}newsletters?$|"
            r"\b(?:delivered|sent|straight|directly|right) (?:to|in|into) your inbox\b|\bkeep an eye on your inbox\b|"
            r"^thanks?(?: you)? for (?:signing up|subscribing)|\berror processing your (?:subscription|request)\b",
            re.IGNORECASE,
        ),
        "newsletter promotion",
    ),
    (
        re.compile(
            r"\bclick(?:ing)? here\b|^if you (?:enjoyed|liked|value|appreciated?) (?:this|our) (?:article|story|"
            r"journalism|reporting|work)|^(?:support|become) (?:us|a (?:member|subscriber|supporter|patron))\b|"
            r"^(?:download|get) (?:the|our) (?:free )?[\w ]{0,30}\bapp\b|^an error (?:has )?occurred\b",
            re.IGNORECASE,
        ),
        "promotion",
    ),
    (
        re.compile(
            r"\bpersonal,? non-?commercial use\b|^order reprints?\b|^reprints?(?: (?:&|and) permissions)?$",
            re.IGNORECASE,
        ),
        "reprint notice",
    ),
    (
        re.compile(
            r"^(?:follow|reach|contact|more|read|watch|listen|subscribe|see|visit|find|check out|sign up|download|get)"
            r"\b.{0,160}https?://\S+$|^subscribe to\b|"
            r"\bshare (?:it|this(?: story| article)?) with (?:a friend|friends|your friends)\b",
            re.IGNORECASE,
        ),
        "link or prompt to go elsewhere",
    ),
    (
        re.compile(
            r"^(?:write to|e-?mail|contact|reach|have a (?:news )?tip\?).{0,80}[\w.+-]+@[\w-]+\.[\w.]+|"
            r"\b(?:may|can) be (?:reached|contacted|emailed) at [\w.+-]+@|"
            r"^follow (?:us|him|her|them|@\w+|[\w.' ]{2,40}?) on (?:twitter|facebook|instagram|linkedin|youtube|"
            r"tiktok|snapchat|threads|bluesky|mastodon)\b",
            re.IGNORECASE,
        ),
        "contact of the author or social-media prompt",
    ),
    (re.compile(r"(?:^|[.!?]\s+)Follow (?:us|him|her|them|me|@\w+) (?:on|at)\b"), "social-media prompt"),
    (
        re.compile(
            r"\b(?:may|might|could) (?:earn|get|receive|collect) (?:a )?(?:small )?(?:commission|affiliate|"
            r"share of (?:the )?sales?(?=[.,;]|$))|\baffiliate (?:links?|commissions?)\b",
            re.IGNORECASE,
        ),
        "affiliate notice",
    ),
    (
        re.compile(
            r"(?i:^(?:tell us|let us know) what you think|^have your say\b|^join the (?:conversation|discussion)\b)|"
            r"(?:^|[.!?]\s+)We'?d (?:like|love) to hear (?:what you think|from you)\b",  # not in a quote: "We'd..."
        ),
        "comment prompt",
    ),
    (re.compile(r"^\[\w+\b[^\]]*\].*\[/\w+\]$"), "unrendered markup (a shortcode)"),
    (
        re.compile(r"^(?:https?://|www\.)\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$", re.IGNORECASE),
        "address of an image",
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
            r".{0,60}\d|^\d+ (?:minutes?|hours?|days?|mins?|hrs?) ago$|"
            r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$",
            re.IGNORECASE,
        ),
        "timestamp",
    ),
]

# A line that is only a date and time: "Tuesday, 19 November 2019 10:15 GMT", "Nov. 19, 2019 at 5:00 p.m. ET",
# "Updated: 2019-11-19 17:32", with maybe a short label before it. It must hold a whole date: "9.30 A.M." is not one.
_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
DATE_ONLY = re.compile(
    rf"^(?:[^\W\d_][^:\d]{{0,24}}:\s*)?(?:(?:{_MONTH_NAMES}|{_WEEKDAYS})\b\.?,?|\d{{1,4}}(?:[-/.:T]\d{{1,4}})*"
    rf"(?:st|nd|rd|th|h)?,?|[ap]\.?m\.?|at|on|[A-Z]{{1,3}}[SD]?T\b|GMT|UTC|[+-]\d\d:?\d\d|Z|[-–—|/•·,\[\]()]|\s)+$",
    re.IGNORECASE,
)
TIME_OR_WEEKDAY = re.compile(rf"\d:\d\d|\d\s*[ap]\.?m\b|\b(?:{_WEEKDAYS})\b|^[^\W\d_][^:\d]{{0,24}}:", re.IGNORECASE)
FULL_DATE = re.compile(
    rf"\b(?:{_MONTH_NAMES})\b\.?\s*\d|\d\s*(?:{_MONTH_NAMES})\b|\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}\b", re.I
)

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
    r".{3,240}\bcontributed (?:to )?(?:this )?(?:report|reporting|story|article)\b.{0,40}",
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
    re.IGNORECASE,
)
PHOTO_CREDIT_START = re.compile(
    r"^(?:photo|photograph|picture|image|credit|photo credit|image copyright|file)s?\s*[:：]", re.IGNORECASE
)

# A caption carries its credit with it: "[File: Samrang Pring/Reuters]", "[Gemunu Amarasinghe/AP]" (a bracket
# with a label or a slash: other brackets at a line's end are references, "[1]", or tags, "[VIDEO]"),
# "REUTERS/Samrang Pring/File Photo",
# "(AP Photo/Heng Sinith)", "Photo: Jane Roe/AFP", "(Jane Roe/Getty Images)".
CAPTION_CREDIT = re.compile(
    rf"\[\s*(?P<bracketed>(?:[Ff]ile|[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|사진)s?\s*[:=][^\]]{{1,80}}|"
    rf"[^\]/]{{1,80}}/[^\]]{{1,60}}|{PHOTO_AGENCIES})\s*\]\s*$|"
    rf"\(\s*(?P<parenthesised>(?:(?:AP|AFP|Reuters|EPA|Getty) Photo/|photo:|photo by|image:|picture:)[^)]{{2,80}}|"
    rf"[^()]{{2,60}}(?:/| via | for ){PHOTO_AGENCIES})\s*\)\s*$|"
    rf"(?P<agency_slash>\b(?:REUTERS|AP Photo|AFP Photo|AFP|EPA-EFE|EPA|XINHUA|ANADOLU)/[^\n]{{2,120}})$|"
    rf"(?:^|\s)(?P<labelled>(?i:photo|photograph|picture|image|credit)s?\s*(?::|(?i:by))\s*[^.]{{2,80}})$",
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
