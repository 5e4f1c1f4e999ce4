"""The hall plan a fixture may carry (`fair.hall`): its size, the entrance, zones with their booths.

Coordinates are in metres from the plan's top-left corner (x to the right, y down); a booth's `x`, `y` is its
centre. A spreadsheet cell holds the plan as JSON text, so the text of a JSON object is read as the object.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from .fields import JsonBody, JsonNumber, Text

MAX_SIDE = 10_000
MAX_BOOTHS = 5_000
_side = {"validate": validate.Range(min=0, max=MAX_SIDE, min_inclusive=False)}
_place = {"validate": validate.Range(min=0, max=MAX_SIDE)}


class Metres(JsonNumber):
    """A length or coordinate in metres, as a JSON number; a whole number stays whole, so the plan exports as
    written."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(allow_nan=False, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float | int:
        number = super()._deserialize(value, attr, data, **kwargs)
        return int(number) if number.is_integer() else number

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> float | int | None:
        number = super()._serialize(value, attr, obj, **kwargs)
        return int(number) if isinstance(number, float) and number.is_integer() else number


class BoothName(Text):
    """A booth, width folded (NFKC) as employers' booths are stored: Ａ－０１ typed on a Chinese keyboard is
    A-01, on the plan once and found by the employer whose booth is A-01."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return unicodedata.normalize("NFKC", super()._deserialize(value, attr, data, **kwargs)).strip()


class PointSchema(JsonBody):
    x = Metres(required=True, **_place)
    y = Metres(required=True, **_place)


class EntranceSchema(PointSchema):
    label = Text(allow_none=True, validate=validate.Length(max=100))


class HallBoothSchema(PointSchema):
    booth = BoothName(required=True, validate=validate.Length(min=1, max=100),
                      metadata={"description": "the booth as employers' `booth` names it, e.g. A-12; "
                                               "width folded (Ａ－１２ is A-12)"})  # fmt: skip
    width = Metres(metadata={"description": "default: the hall's booth_size"}, **_side)
    height = Metres(metadata={"description": "default: the hall's booth_size"}, **_side)


class BoothSizeSchema(JsonBody):
    width = Metres(required=True, **_side)
    height = Metres(required=True, **_side)


class ZoneSchema(JsonBody):
    id = Text(required=True, validate=validate.Length(min=1, max=100))
    name = Text(allow_none=True, validate=validate.Length(max=200))
    name_en = Text(allow_none=True, validate=validate.Length(max=200))
    x = Metres(**_place)
    y = Metres(**_place)
    width = Metres(**_side)
    height = Metres(**_side)
    booths = fields.List(fields.Nested(HallBoothSchema), load_default=list,
                         validate=validate.Length(max=MAX_BOOTHS))  # fmt: skip


class HallSchema(JsonBody):
    """The hall: `width` × `height` metres, the entrance the walk starts from, and the zones' booths."""

    width = Metres(required=True, **_side)
    height = Metres(required=True, **_side)
    entrance = fields.Nested(EntranceSchema, allow_none=True,
                             metadata={"description": "where the walk starts; default: the middle of the "
                                                      "bottom edge"})  # fmt: skip
    booth_size = fields.Nested(BoothSizeSchema, metadata={"description": "a booth's size unless it gives its "
                               "own; default 3 × 2"})  # fmt: skip
    zones = fields.List(fields.Nested(ZoneSchema), required=True, validate=validate.Length(max=100))

    @validates_schema(skip_on_field_errors=True)
    def _inside_and_unique(self, data: dict[str, Any], **_: Any) -> None:
        width, height = data["width"], data["height"]
        errors: dict[str, Any] = {}
        entrance = data.get("entrance")
        if entrance and (entrance["x"] > width or entrance["y"] > height):
            errors["entrance"] = [f"outside the {width:g} × {height:g} hall"]
        booths = Counter(b["booth"] for zone in data["zones"] for b in zone["booths"])
        zone_ids = Counter(zone["id"] for zone in data["zones"])
        for i, zone in enumerate(data["zones"]):
            here: dict[str, Any] = {}
            if zone_ids[zone["id"]] > 1:
                here["id"] = [f"duplicate zone {zone['id']!r}"]
            if ("x" in zone and zone["x"] + zone.get("width", 0) > width) or (
                "y" in zone and zone["y"] + zone.get("height", 0) > height
            ):
                here["_schema"] = ["the zone reaches outside the hall"]
            for j, booth in enumerate(zone["booths"]):
                problems = []
                if booth["x"] > width or booth["y"] > height:
                    problems.append(f"outside the {width:g} × {height:g} hall")
                if booths[booth["booth"]] > 1:
                    problems.append(f"booth {booth['booth']!r} is on the plan more than once")
                if problems:
                    here.setdefault("booths", {})[j] = {"_schema": problems}
            if here:
                errors.setdefault("zones", {})[i] = here
        if errors:
            raise ValidationError(errors)


class HallField(fields.Nested):
    """`fair.hall`: a HallSchema object, or the text of one (as a spreadsheet's 招聘会 sheet carries it)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(HallSchema, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ValidationError(
                    "must be a hall plan: a JSON object with width, height and zones"
                ) from None
        return super()._deserialize(value, attr, data, **kwargs)
