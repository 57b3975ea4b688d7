"""Development: DEBUG on, a fixed insecure key so `make run` needs no configuration."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "django-insecure-bridges-development-only")
