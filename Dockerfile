FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    FLASK_APP=service PORT=8000 WORKERS=2

WORKDIR /app
# Requirements first, so a code change does not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

RUN useradd --create-home --uid 10001 fair && mkdir -p /app/instance && chown fair /app/instance
COPY --chown=fair:fair service ./service
COPY --chown=fair:fair schemas ./schemas
COPY --chown=fair:fair matching ./matching
COPY --chown=fair:fair fixtures ./fixtures
USER fair

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"

CMD ["sh", "-c", "flask fair init && exec gunicorn --config service/gunicorn_conf.py --bind 0.0.0.0:${PORT} --workers ${WORKERS} 'service:create_app()'"]
