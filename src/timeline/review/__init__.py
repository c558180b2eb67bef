"""Reviews: a person's confirmations, corrections, rejections, merges and additions (DESIGN.md, "Reviews").

- :mod:`.log`: the append-only SQLite log beside the event store (:class:`ReviewLog`), export/import;
- :mod:`.apply`: the current view (extraction + log), re-attachment of reviews after re-extraction;
- :mod:`.actions`: reviews built from a person's acts on a row, the article text for adding an event;
- :mod:`.gold`: reviewed events as gold for ``timeline evaluate``, precision per type.
"""

from timeline.review.actions import add, article_text, confirm, edit, edits, merge, reject, reset, sentences
from timeline.review.apply import (
    EDITABLE,
    REVIEW_COLUMNS,
    Conflict,
    ReviewedView,
    anchor_of,
    apply_reviews,
    merged_view,
    review_counts,
)
from timeline.review.gold import gold_records, precision_by_type
from timeline.review.log import REJECT_REASONS, STATES, Anchor, ImportReport, Review, ReviewLog, now_utc

__all__ = [
    "EDITABLE", "REJECT_REASONS", "REVIEW_COLUMNS", "STATES", "Anchor", "Conflict", "ImportReport", "Review",
    "ReviewLog", "ReviewedView", "add", "anchor_of", "apply_reviews", "article_text", "confirm", "edit", "edits",
    "gold_records", "merge", "merged_view", "now_utc", "precision_by_type", "reject", "reset", "review_counts", "sentences",
]  # fmt: skip
