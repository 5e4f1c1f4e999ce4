"""Skill autocomplete for the seekers' page: typo-tolerant, pinyin-aware."""

from __future__ import annotations

from flask.views import MethodView

from schemas.matching import SuggestAnswerSchema, SuggestQuerySchema

from ..ranking import current_index
from .blueprint import Blueprint

blp = Blueprint("skills", __name__, description="Skills the fair asks for")


@blp.route("/suggest")
class SuggestView(MethodView):
    @blp.arguments(SuggestQuerySchema(), location="query")
    @blp.response(200, SuggestAnswerSchema)
    def get(self, args: dict) -> dict:
        """Skills that complete or resemble `q` (`pyt` → Python, `kuaiji` → 会计), most asked-for first."""
        return {"q": args["q"], "suggestions": current_index().suggest(args["q"], limit=args["limit"])}
