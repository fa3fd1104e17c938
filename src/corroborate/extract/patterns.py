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
    r"other (?:[\w-]+ ){0,2}(?:stories|articles|news|columns|posts|headlines|reads)|"
    r"(?:leggi|lire|lesen sie|leia|lea|ver|veja|voir) (?:anche|aussi|auch|também|también|mais)"
    r")\s*[:.…]*"
)
# "Read more: Floods close the port" - a link to another article, inline.
RELATED_INLINE = re.compile(
    r"^[\[(]?\s*(?:read more|related|see also|see more|also read|read also|also|more|recommended|listen|"
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

# A photo credit on a line of its own: "REUTERS/Samrang Pring", "Photo: Jane Roe/AFP", "(AP Photo/Heng Sinith)"; a
# label needs its colon or "by" ("Picture-in-Picture", "Video shows the flood" are no credits).
PHOTO_CREDIT = re.compile(
    rf"^[\[(]?\s*(?:(?:photo|photograph|picture|image|credit|photo credit|image source|image copyright|illustration|"
    rf"video|file)s?(?:\s*[:：]|\s+by\b)\s*.{{1,80}}|(?:file|handout)(?: photo)?|"
    rf"{PHOTO_AGENCIES}(?:/[^/\n]{{1,60}}){{1,3}}|"
    rf"(?:[A-Z][\w.'-]+\s+){{1,4}}(?:/|via|for)\s*{PHOTO_AGENCIES}|{PHOTO_AGENCIES})\s*[\])]?$",
    re.IGNORECASE,
)
PHOTO_CREDIT_START = re.compile(
    r"^(?:photo|photograph|picture|image|credit|photo credit|image copyright|file)s?\s*[:：]", re.IGNORECASE
)

# A caption carries its credit with it: "[File: Samrang Pring/Reuters]", "[Gemunu Amarasinghe/AP]" (a bracket
# with a label, or a slash between words without digits: other brackets at a line's end are references, "[1]",
# "[M1 / MP SP]", or tags, "[VIDEO]"),
# "REUTERS/Samrang Pring/File Photo",
# "(AP Photo/Heng Sinith)", "Photo: Jane Roe/AFP", "(Jane Roe/Getty Images)".
CAPTION_CREDIT = re.compile(
    rf"\[\s*(?P<bracketed>(?:[Ff]ile|[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|사진)s?\s*[:=][^\]]{{1,80}}|"
    rf"[^\]/\d]{{1,80}}/[^\]\d]{{1,60}}|{PHOTO_AGENCIES})\s*\]\s*$|"
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


# Embedded posts and players: what a page shows from elsewhere, not its article's words ----------------------------

# The signature of an embedded post: "— Saltby Gazette (@saltbygazette) January 1, 2026" (a tweet), "A post shared
# by Jane Roe (@janeroe) on Jan 1, 2026" (Instagram); and the picture link that ends a tweet's text.
SOCIAL_SIGNATURE = re.compile(
    r"^[-–—]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)(?:\s+.{0,40})?$|^a (?:post|photo|video) shared by\b.{1,120}$|"
    r"^view this post on (?:instagram|facebook|x|twitter|tiktok)$",
    re.IGNORECASE,
)
SOCIAL_LINK = re.compile(r"(?:^|\s)(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$", re.IGNORECASE)

# A video player: its length alone ("4:57"), or its title behind a label and maybe the length ("4:57 Watch:
# fireworks over the harbour", "VIDEO: Storm hits the coast", "Now playing: ...").
VIDEO_LENGTH = re.compile(r"^(?:\d:)?[0-5]?\d:[0-5]\d$")
VIDEO_TITLE = re.compile(
    r"^(?:(?:\d:)?[0-5]?\d:[0-5]\d\s+)?(?:watch(?: now| live| again| the video)?|video|now playing|up next|"
    r"play(?: video)?)\s*[:|>»\-–—]\s*\S|^(?:\d:)?[0-5]?\d:[0-5]\d\s+(?:watch|video|play)\b",
    re.IGNORECASE,
)
# The words a video player shows before it plays (its menus, the labels of its buttons for screen readers, its
# notices): "This is a modal window.", "descriptions off, selected", "This video is not available in your region".
VIDEO_PLAYER_TEXT = _line(
    r"this is a modal window\..*|(?:beginning|end) of dialog window\b.*|chapters|default, selected|"
    r"(?:captions|subtitles|descriptions|audio track)(?: settings)?(?:,? (?:off|on))?(?:, (?:selected|opens .*))?|"
    r"(?:current|remaining|duration) time:? -?[\d:]+.*|duration:? -?[\d:]+|loaded: [\d.]+%|progress: [\d.]+%|"
    r"stream type live|playback rate:? [\d.]+x?|(?:non-)?fullscreen|(?:un)?mute|play video|pause video|"
    r"seek to live, currently (?:behind|playing) live|live|"
    r"(?:unfortunately, |sorry, )?this video (?:is|isn't|is not) (?:not |no longer )?(?:available|playable)\b.*|"
    r"video unavailable|next video(?: starts)? in\b.*|up next in \d.*"
)
# A picture of a gallery: its caption opens with its place in the gallery, "1/12 Crowds on the quay ...".
GALLERY_COUNTER = re.compile(r"^(?P<place>\d{1,3})\s?/\s?(?P<of>\d{1,3})\s+\S")

# A length followed by a title, "2:31 Harbour board chair on the cost": a video only among other videos (a clock
# time opens the entries of a live blog the same way).
VIDEO_LENGTH_TITLE = re.compile(r"^(?:\d:)?[0-5]?\d:[0-5]\d\s+[A-Z\"'].{3,120}$")

# A line that goes on telling the story, never a photo's caption: it opens with a pronoun or a connective, or reports
# what someone said ("He said the wall would hold.", "But the council disagreed.").
CONTINUING_PROSE = re.compile(
    r"^(?:he|she|it|they|we|i|you|this|that|these|those|but|and|so|yet|however|meanwhile|still|also|then|there|"
    r"his|her|their|its|our|such|instead|now)\b|\b(?:said|says|told|according to)\b",
    re.IGNORECASE,
)

# Promotions and boxes around the article ------------------------------------------------------------------------

# A subscription offer: "Subscribe for just $1 a week", "Start your free trial", "You have 2 free articles left",
# "This article is for subscribers only", "Only $1 a week. Cancel anytime.". Never a line opening with a quotation
# mark or reporting speech (someone's words: "Members can cancel at any time, the chain said"), nor an offer without
# those words ("Sign up for a streaming account for $11.99 a month" is the news of a deals article).
_NOT_SPEECH = r"^(?![\"'])(?!.*\b(?:said|says|told|according to)\b)"
"""A notice is never someone's words: it neither opens with a quotation mark nor reports what someone said."""
SUBSCRIPTION = re.compile(
    _NOT_SPEECH + r"(?:"
    r"(?:subscribe|get|start|try|join|become|unlock|enjoy|support|sign up|want|upgrade|gift|save)\b.{0,160}"
    r"(?:\bsubscri\w*|\bfree trial|\bunlimited (?:digital )?access|\bdigital access)|"
    r"subscribe\b.{0,120}(?:[$£€]\s?\d|\bfree\b|\b(?:a|per) (?:week|month|year)\b|\bunlimited\b)|"
    r"you(?:'ve| have) (?:\d+|one|two|three|four|five|no) (?:free |more )?(?:articles?|stories|reads?) "
    r"(?:left|remaining)|"
    r"(?:this|the) (?:article|story|content|page) is (?:only |exclusively )?(?:available )?(?:for|to) (?:paid )?"
    r"(?:subscribers|members)|"
    r"(?:to )?(?:continue|keep) reading\b.{0,80}\b(?:subscri\w*|log ?in|sign ?in|register)|"
    r"(?:.{0,60}[.!]\s+)?cancel (?:at )?any ?time\b.{0,40}$)",
    re.IGNORECASE,
)

# An affiliate disclosure beyond "we may earn a commission": "As an Amazon Associate I earn from qualifying
# purchases", "when you buy through links on our site", "independently selected by our editors".
AFFILIATE = re.compile(
    _NOT_SPEECH + r".{0,160}\b(?:"
    r"as an amazon associate|earns? from qualifying purchases|(?:contains?|uses?|includes?) affiliate links?|"
    r"when you (?:buy|shop|purchase|click)\b.{0,40}\b(?:links?|retailers?)|reader[- ]supported\b|"
    r"independently (?:selected|chosen|reviewed|curated) by (?:our )?(?:editors|editorial team)|"
    r"(?:we|i|this (?:site|website|page|post)|our site) (?:may |might |could |will )?(?:earn|receive|get|make|collect) "
    r"(?:a )?(?:small |modest )?(?:commission|fee|share of|compensation)\b"
    r")",
    re.IGNORECASE,
)

BOILERPLATE += [(SUBSCRIPTION, "subscription promotion"), (AFFILIATE, "affiliate notice")]

# The box about the article's author: its heading, the links to the author's other articles, and the biography
# ("Pia Holm is a senior reporter at the Gazette, covering the courts.").
AUTHOR_BOX_HEADING = _line(
    r"(?:about|more about|meet) (?:the|this) (?:authors?|writers?|reporters?)|(?:the )?authors?'?s? "
    r"(?:bio(?:graphy)?|information|details|profile)|about me"
)
AUTHOR_LINK = _line(
    r"(?:(?:view|see|read|browse|show|find) (?:all|more) (?:of )?(?:the )?(?:posts|articles|stories|work|columns|"
    r"reviews|contributions|content)(?: (?:by|from) .{1,60})?|(?:all )?(?:posts|articles|stories) by [A-Z].{1,60}|"
    r"more (?:articles|stories|posts) by .{1,60}|follow(?: this)? (?:author|writer)|author profile)(?<![.!?])"
)
"""A link is no sentence: "Stories by Hans Christian Andersen were read aloud." is the article's."""
AUTHOR_BIO = re.compile(
    rf"^(?P<name>{_NAME}) (?:is|was|has been|serves as|works as) (?:a|an|the|our)\b(?:[\s,]+[\w'&-]+){{0,8}}?[\s,]+"
    r"(?:reporters?|writers?|editors?|correspondents?|journalists?|columnists?|contributors?|producers?|authors?|"
    r"critics?|bloggers?|freelancers?|photographers?|analysts?|interns?|fellows?|hosts?)\b"
)

# Headings of boxes beside the story (facts, a summary, a table of contents): never its headline.
BOX_HEADING = _line(
    r"(?:quick|key|fast|the|five|ten|\d+) facts|(?:at a|a quick) glance|in (?:brief|short|numbers|pictures)|"
    r"what (?:we know|you need to know)(?: so far)?|(?:need|good) to know|key (?:points|takeaways|dates)|takeaways|"
    r"highlights|summary|tl;?dr|(?:table of )?contents|in this (?:article|story|guide)|(?:more )?information and "
    r"resources|resources|fact ?(?:box|file|sheet)|factfile|timeline|background|the (?:background|context)"
)

# Who wrote it: byline entries that are no person ----------------------------------------------------------------

# A job, not a person: "Arts Reporter", "Staff Writer" (a byline entry with one of these words).
JOB_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|staff|desk|bureau|chief|producer|columnist|analyst|contributor|"
    r"journalist|photographer|team|newsroom)s?\b",
    re.IGNORECASE,
)
# Words that qualify a job at the end of a byline name ("Tom Berg, Games Editor", "Jane Roe Senior Reporter").
JOB_QUALIFIERS = frozenset(
    """
    senior junior chief deputy associate assistant managing executive contributing staff special general political
    politics sports sport games gaming tech technology science health business entertainment culture arts news
    world foreign national local digital investigative city metro opinion features travel food film music fashion
    lifestyle weather crime education environment climate economics economy finance financial legal medical data
    video audio photo breaking global social media white house security defence defense courts
    """.split()
)
# Author entries that name no person: a team, a role, a form label, a link ("Our Editors", "Username", "Follow").
NOT_A_PERSON = _line(
    r"(?:(?:our|the) )?(?:[\w-]+ )?(?:editors?|editorial(?: staff| team| board)?|staff|staff writers?|newsroom|"
    r"news ?desk|web ?desk|desk|team|contributors?|guest(?: author| writer)?|admin(?:istrator)?|user ?name|user|"
    r"anonymous|unknown|author|authors|follow(?: author)?|authority control|press release|sponsored(?: content)?)"
)
# What precedes a name in an author link or byline: "View all posts by Pia Holm", "Posted by", "Author:".
AUTHOR_PREFIX = re.compile(
    r"^(?:(?:view|see|read) (?:all|more) (?:posts|articles|stories) by|(?:all )?(?:posts|articles|stories) by|"
    r"more (?:articles|stories|posts) by|posted by|written by|words by|by|authors?\s*:)\s+",
    re.IGNORECASE,
)
# What follows the author's name in one run of text: the editor, a reviewer, a date, a timestamp ("Updated Jan 3").
AUTHOR_TAIL = re.compile(
    r"\s+(?:edited|reviewed|fact[- ]checked|illustrated|photographed|updated|medically reviewed) by\b.*$|"
    r"\s+(?:(?:last )?updated|published|posted|first published)\b:?\s.*$|"
    rf"\s+(?:{_MONTH_NAMES})\b\.?(?:\s+\d.*)?$|\s+\d.*$|\s*[|\n].*$",
    re.IGNORECASE,
)


# Verbs, told without a language model (extract/verbs.py) ---------------------------------------------------------

# A verb without a language model: the closed classes (auxiliaries, modals) and the irregular verbs news is told in,
# then inflections (-ed, -s) where no article or preposition makes the word a noun ("the injured", "in Athens"),
# then "to" + a verb in the future of headlines ("Minister to resign"). English only: elsewhere a brief must be a
# sentence of 8 words or more.
VERB_FORMS = frozenset(
    """
    is isn't are aren't was wasn't were weren't be been being am has hasn't have haven't had hadn't
    will won't would could can can't cannot may might must shall should do does doesn't did didn't don't
    say says said go goes went gone get gets got make makes made take takes took taken give gives gave given
    find finds found win wins won lose loses lost hit hits set sets put puts cut cuts shut shuts quit quits
    beat beats leave leaves left hold holds held sell sells sold buy buys bought bring brings brought tell tells told
    come comes came become becomes became run runs ran see sees saw seen pay pays paid keep keeps kept
    fall falls fell fallen rise rises rose risen die dies died steal steals stole stolen meet meets met
    lead leads led seek seeks sought send sends sent spend spends spent build builds built show shows showed shown
    grow grows grew grown know knows knew known think thinks thought begin begins began begun feel feels felt
    break breaks broke broken flee flees fled throw throws threw thrown stand stands stood sit sits sat
    write writes wrote written speak speaks spoke spoken strike strikes struck shoot shoots shot
    it's he's she's that's there's here's what's who's let's i'm we're you're they're i've we've you've they've
    i'll we'll you'll he'll she'll it'll they'll i'd we'd you'd he'd she'd they'd
    """.split()
)
BEFORE_A_NOUN = frozenset(
    "the a an this that these those my your our his her its their another every each no some any all "
    "of in on at for from by with into onto over under about after before".split()
)
NOUN_ENDINGS = ("ss", "us", "is", "ics", "ous", "'s", "news")
