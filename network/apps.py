from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """Countries, member centres, events and registrations."""

    name = "network"

    def ready(self):
        from network import signals

        signals.connect()
