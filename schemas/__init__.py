"""marshmallow schemas: the fixture document, the read API's shapes, matching requests and answers, errors."""
