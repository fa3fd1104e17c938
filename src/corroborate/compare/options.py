"""Every weight and bar of the comparison stage, in one frozen record whose defaults are the calibrated values.

One scale, 0 to 1, for all that compares two claims: the chance that they state one fact, from a logistic model
(compare/pairs.py) fitted on ECB+ train (shared/dev-data/ecbplus): every cross-source pair of claims of one story
whose two sentences carry annotated event mentions, same fact when the sentences share an event chain. Those
negatives include facts the annotators left unlinked, so the chance is an underestimate, and the bars below are
set against it. Bars were chosen on ECB+ train with bench/alignment.py (aligned-claim precision and recall on
selected sentences), checked on its dev split and on the examples' planted findings (tests/data/planted.json);
ECB+ test was never read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CompareOptions:
    """`embeddings`: align claims with the sentence-embedding model when it is installed (else by word overlap)."""

    embeddings: bool = True

    # The same-fact model: logit = bias + cosine * embedding cosine + overlap * shared words + figure + date.
    bias: float = -2.15
    cosine: float = 2.15
    overlap: float = 3.06
    figure: float = 0.96
    date: float = 1.0
    """Fitted on ECB+ train (17,000 annotated pairs; areas under the ROC curve 0.70 train, 0.78 dev). `overlap`
    is the share of content words two claims have in common, a shared phrase counted once (similarity.py);
    `figure` counts when the claims give one unit figures that agree, `date` when a date of each meets the
    other's. A name both claims hold was a fifth feature: its weight came out nil or below (-0.2), so a shared
    name or title adds nothing: it says the claims are about one person, not that they state one fact."""
    lexical_bias: float = -1.62
    lexical_overlap: float = 5.97
    lexical_figure: float = 1.01
    lexical_date: float = 1.01
    """The same model without the embedding model (`--no-embeddings`), fitted the same way on ECB+ train."""

    # Alignment: which pairs state one fact, and how pairs gather into facts.
    same_fact: float = 0.45
    """Two claims are aligned when each is the other's best match in its source and their chance clears this.
    On ECB+ (bench/alignment.py), 0.45 gives precision 0.903 (train) and 0.919 (dev), recall 0.073 and 0.124;
    0.5 gives 0.908 and 0.932 for the same recall, but aligns 10 of the examples' 15 planted facts, 0.45 12 of
    them (the oyster ban and the US Coast Guard team, told in other words, score 0.45 to 0.49)."""
    one_sided: float = 0.6
    """A pair where only one claim is the other's best match needs this much: one sentence of a source can
    state what another says in two, but weak one-sided matches are mostly claims that share a subject."""
    second_fact: float = 0.6
    """A claim already in a fact founds a second fact with a partner only when their chance clears this: one
    sentence can state two things ("cut power to 40,000 homes and closed the airport"), but a weak second partner
    is mostly a sentence that mentions the same thing in passing, and would list the claim's fact twice.
    On ECB+ train (bench/alignment.py) precision is 0.90 at 0.45 to 0.6, 0.91 at 0.7 (dev: 0.919 throughout, recall
    unchanged); on the examples, 0.6 drops the one false second fact ("ran aground ... earlier this month" with
    "fuel oil from the stranded ship spread") and keeps the planted facts, 0.7 loses one (the worst spill)."""
    join: float = 0.45
    """A claim joins a fact (or two facts merge) when its chance with the fact's claims, on average, clears this:
    a fact is one thing all its sources state, not a chain of look-alikes."""
    same_thing: float = 0.6
    """Aligned claims this likely to state one fact speak of the same thing: their figures and dates must agree.
    Below, claims can share a subject and differ in what they count (oil leaked, oil on board). Figures are judged
    as if they agreed (pairs.py): on the examples, the planted "3,200 / 2,300 tonnes on board" scores 0.76 so,
    "400 tonnes leaked / 2,300 on board" 0.67 (and is not aligned); checked on the planted findings only."""

    # Blocking: which pairs are scored at all.
    common_key_share: float = 0.34
    """A key (an entity, a figure's unit, a content word) found in more than this share of a story's claims
    (the ship's name, the minister) blocks nothing."""
    max_posting: int = 60
    """However large the story, a key shared by more claims than this is too common to tell anything."""

    # Quotations.
    same_words: float = 0.75
    """Character similarity (rapidfuzz ratio, 0-1) above which two quotations of similar length are one
    quotation worded two ways ("dark chapters of our own history" / "in our history", 0.9)."""
    fragment: float = 0.95
    """Partial similarity above which a short quotation is a fragment of a longer one."""
    same_statement: float = 0.75
    """Cosine of two quotations' embeddings above which one speaker's two quotations are one statement in two
    wordings or translations ("I am sorry for the poor example" / "I apologise for the bad example", 0.83).
    Hand-judged on every pair of quotations by one speaker in two articles of one ECB+ story (train and dev) that
    are not alike in characters: the 8 that are one statement in other words score 0.78 to 0.86, the others
    0.71 (train) and 0.71 (dev) at most."""
    same_quote: float = 0.6
    """Word overlap (rapidfuzz token-set ratio, 0-1) above which two claims that are mostly quotation can state
    one thing when the quotations themselves were not recognised as one."""
