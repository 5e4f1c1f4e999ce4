"""The guidance station's figure for organisers (GET /stats/training): what talks and trainings should
cover, computed from the skill demand counts only."""

from __future__ import annotations

from typing import ClassVar

from flask.views import MethodView

from matching.station import training_topics
from schemas.guidance import TrainingQuerySchema

from ..auth import organiser_required
from ..ranking import current_index
from ..store import demand
from ..store.db import session_scope
from ..store.training import matched_demand
from .blueprint import Blueprint

blp = Blueprint("station", __name__, description="Guidance station figures (organisers only)")
TEXT = {"type": "object", "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}}
TOPIC = {
    "type": "object",
    "properties": {
        "skill": {"type": "string"},
        "weight": {"type": "number", "description": "about how many match requests it stood in"},
        "positions": {"type": "integer", "description": "positions asking for it"},
        "asked_with": {"type": "array", "items": {"type": "string"}, "description": "skills sought with it"},
        "text": TEXT,
    },
}
TRAINING_ANSWER = {
    "type": "object",
    "properties": {
        "requests": {"type": "integer", "description": "match requests counted"},
        "topics": {"type": "array", "items": TOPIC},
        "data_version": {"type": "integer"},
    },
}


@blp.route("/training")
class TrainingView(MethodView):
    decorators: ClassVar = [organiser_required]

    @blp.arguments(TrainingQuerySchema(), location="query")
    @blp.alt_response(200, schema=TRAINING_ANSWER, success=True, description="What trainings should cover")
    def get(self, args: dict) -> dict:
        """The skills that most often stand between seekers and the positions closest to them."""
        counter = demand.counter()
        if counter is not None:
            counter.flush()
        with session_scope() as session:
            counts = matched_demand(session)
        index = current_index()
        return {**training_topics(index, counts, limit=args["limit"]), "data_version": int(index.version)}
