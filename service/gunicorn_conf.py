"""gunicorn settings: access log to stdout, a timeout long enough for a large upload, graceful restarts."""

accesslog = "-"
errorlog = "-"
timeout = 120
graceful_timeout = 30
worker_tmp_dir = "/dev/shm"
