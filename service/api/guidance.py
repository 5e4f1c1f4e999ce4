"""What to learn next (POST /guidance): the skills that would qualify a seeker for the most more positions
at this fair, each with the exact count, plus the diagnosis of their profile."""

from __future__ import annotations

from flask.views import MethodView

from matching.diagnosis import diagnose
from matching.guidance import learn_next
from schemas.guidance import GuidanceAnswerSchema, GuidanceRequestSchema

from ..ranking import current_index
from .blueprint import Blueprint

blp = Blueprint("guidance", __name__, description="What to learn next, and a profile's diagnosis")


@blp.route("")
class GuidanceView(MethodView):
    @blp.arguments(GuidanceRequestSchema())
    @blp.response(200, GuidanceAnswerSchema)
    def post(self, body: dict) -> dict:
        """Up to 5 skills whose addition most raises the positions with no missing skill, and a diagnosis."""
        index = current_index()
        limit = body.pop("limit")
        answer = learn_next(index, body, limit=limit)
        answer["diagnosis"] = diagnose(index, body)
        answer["data_version"] = int(index.version)
        return answer
