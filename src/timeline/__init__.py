"""timeline: dated, geolocated conflict events (talks, ultimatums, offensives, ceasefires) from news."""

from timeline.model import Actor, Article, Event, Place

__all__ = ["Actor", "Article", "Event", "Place", "__version__"]
__version__ = "0.1.0"
