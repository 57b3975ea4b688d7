"""Stories of care work told by mothers and centres (pages), the themes they are filed under, and
the stories the public sends in through "Tell your story" (submissions: personal data).

The names are re-exported here: `from stories.models import StoryPage` and the migrations'
`stories.models.default_story_date` / `submission_upload_path` keep working.
"""

from .page_form import StoryPageForm
from .pages import (
    LANGUAGE_NAMES,
    STORIES_PER_PAGE,
    StoryIndexPage,
    StoryPage,
    default_story_date,
)
from .submissions import StorySubmission, SubmissionFile, submission_upload_path
from .themes import Theme, attach_themes, prepare_story_cards

__all__ = [
    "LANGUAGE_NAMES",
    "STORIES_PER_PAGE",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageForm",
    "StorySubmission",
    "SubmissionFile",
    "Theme",
    "attach_themes",
    "default_story_date",
    "prepare_story_cards",
    "submission_upload_path",
]
