"""gunicorn settings: access log to stdout, a long timeout for large uploads, graceful restarts, the app
loaded before the workers fork."""

accesslog = "-"
errorlog = "-"
timeout = 120
graceful_timeout = 30
worker_tmp_dir = "/dev/shm"

# The app (and its ranking index) is built once in the master and shared copy-on-write by the workers, so a
# worker started later, or restarted, answers its first match at once.
preload_app = True


def on_starting(server) -> None:
    if server.cfg.preload_app:
        from service.ranking import prepare_fork

        prepare_fork(server.app.wsgi())


def post_fork(server, worker) -> None:
    if server.cfg.preload_app:
        from service.ranking import after_fork

        after_fork(server.app.wsgi())
