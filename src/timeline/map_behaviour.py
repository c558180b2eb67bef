"""The map's own script, run inside the Leaflet page after its layers (:class:`MapBehaviour`).

Its view is kept across reruns, the selected place's popup reopens, a cluster click only zooms (never
selects), zoom is bounded (:data:`MAX_ZOOM`) with a "whole view" button back to the opening view, and a
failing tile drops the tile layer with one line. Constant script: the values it gets (the view key, whether a
place is selected, the opening bounds, the layers' names) go in as JSON.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

#: The closest zoom (Leaflet level): about a town's extent on a laptop screen (a 2 km scale bar at 35°N).
#: Places are villages at best (the gazetteer's points, regions of ~25 km): closer views show nothing more,
#: and a cluster of places a few hundred metres apart would otherwise zoom to a street (level 18).
MAX_ZOOM = 12
#: The one line shown in the map when a tile fails to load.
TILES_FAILED_NOTE = "Map tiles unreachable: showing the bundled country outlines."
#: The label of the button that brings the map back to its opening view.
RESET_LABEL = "⤢ whole view"
#: Pixels kept between the opening view's places and the map's edge: the largest point marker's radius
#: (``maps.marker_radius``, 28 px) and a little, so no mark is cut in half at an edge.
FIT_PADDING = 32


class MapBehaviour(MacroElement):
    """The map's own script (runs inside the map page, after its layers):

    - the view (centre, zoom) is kept in the tab's ``sessionStorage`` under ``view_key`` and restored when
      the map is drawn again with the same key (a rerun after a click, a new week): the map keeps its view;
      a new key (or a new tab) opens on ``bounds`` (the bulk of the events, see ``maps.opening_bounds``);
    - the selected place gets a black rim and its popup opens (opened, not clicked: no new click for
      ``st_folium``); ``window.timelineSelect(name)`` does it again in the map as drawn (the app sends it
      with each rerun, :func:`timeline.maps.selection_script`), so a click's rerun keeps the map, its view
      and its open popup instead of drawing a new map (issue 9 item 6);
    - clicks on a cluster only zoom into it (markercluster's own behaviour): ``st_folium``'s click handler
      is taken off cluster icons, so a cluster never selects a place inside it;
    - zoom stops at :data:`MAX_ZOOM` (a cluster of close places zooms no closer), and a "whole view"
      button (:data:`RESET_LABEL`) brings the map back to its opening view; an opened popup pans clear of
      the top-left controls (the zoom buttons and that button), so it never covers them;
    - when a tile fails to load, the tile layer (and its credit) is removed once and a one-line note says
      the bundled outlines are shown: no silent failing requests;
    - the opening view is fitted at the map's real size: while no one has moved the map, it fits again
      whenever its frame changes size or comes into view (a frame below the fold, not sized yet or
      throttled off screen, measured a stale size), and a view kept while still the opening view is fitted
      again rather than restored;
    - the mouse wheel scrolls the page, not the map, until the map is pressed (a page scrolled past the map
      with the wheel zoomed it out to the world: fresh tester 10, item 2).
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function(map) {
  var key = {{ this.view_key|tojson }}, selected = {{ this.selected|tojson }}, bounds = {{ this.bounds|tojson }};
  var layers = [{% for name in this.layer_names %}{{ name }}{{ "," if not loop.last }}{% endfor %}];
  var store = null, saved = null, start = {center: map.getCenter(), zoom: map.getZoom()};
  try { store = window.sessionStorage; saved = JSON.parse(store.getItem("timeline-map-view") || "null"); }
  catch (e) { store = null; }
  // the view is set here, not by folium's fitBounds: an animated fit would end after (and undo) a restore.
  // A fit needs the map's real size: a frame below the fold (or not sized yet, or throttled while off
  // screen) may measure 0 or a stale size, and a fit then lands at the world's zoom. So the map fits while
  // no one has moved it (fitted) whenever its size changes or it comes into view, and a fit asked for
  // while it has no size waits until it has one
  var pad = {{ this.pad|tojson }}, fitted = false, busy = false, container = map.getContainer();
  function sized() { return container.clientWidth > 0 && container.clientHeight > 0; }
  function quietly(f) { busy = true; try { f(); } finally { busy = false; } }
  function fit(animate) {
    fitted = true;
    if (!sized()) return;  // fitted when the map gets its size (refit below)
    quietly(function() {
      map.invalidateSize({pan: false});
      map.fitBounds(bounds, {animate: animate, padding: [pad, pad]});  // a marker's radius inside the edge
    });
    keep();
  }
  function refit() {  // the frame's size changed or it came into view: measure again, fit if no one moved it
    if (!sized()) return;
    quietly(function() { map.invalidateSize({pan: false}); });
    if (bounds && fitted) fit(false);
  }
  map.on("movestart zoomstart", function() { if (!busy) fitted = false; });  // someone (or a click) moved it  // someone (or a click) moved it
  function keep() {
    if (!store || !sized()) return;
    var c = map.getCenter();
    try { store.setItem("timeline-map-view", JSON.stringify({key: key, lat: c.lat, lng: c.lng, zoom: map.getZoom(), fitted: fitted})); }
    catch (e) {}
  }
  if (saved && saved.key === key && isFinite(saved.zoom) && !(saved.fitted && bounds)) {
    quietly(function() { map.setView([saved.lat, saved.lng], saved.zoom, {animate: false}); });
  } else if (bounds) {
    fit(false);  // the opening view, or a view kept while it was still the opening view (at another size)
  }
  map.on("resize", function() { if (!busy) refit(); });
  if (window.ResizeObserver) new ResizeObserver(refit).observe(container);
  if (window.IntersectionObserver) {
    new IntersectionObserver(function(seen) { if (seen.some(function(e) { return e.isIntersecting; })) refit(); }).observe(container);
  }
  map.on("moveend", function() { if (!busy) keep(); });
  // the mouse wheel over the map scrolls the page until the map is clicked (a page scrolled down past the
  // map zoomed it out to the world on the way); a press in the map turns wheel zoom on, leaving it off
  map.scrollWheelZoom.disable();
  container.addEventListener("mousedown", function() { map.scrollWheelZoom.enable(); });
  container.addEventListener("mouseleave", function() { map.scrollWheelZoom.disable(); });
  keep();
  // a way back from any zoom: the opening view (the busy places), whatever view was kept
  var home = L.control({position: "topleft"});
  home.onAdd = function() {
    var a = L.DomUtil.create("a", "leaflet-bar timeline-reset-view");
    a.href = "#";
    a.setAttribute("role", "button");
    a.title = "Back to the opening view of the map";
    a.textContent = {{ this.reset_label|tojson }};
    a.style.cssText = "background:#fff;padding:3px 7px;font:12px sans-serif;color:#333;text-decoration:none;display:block";
    L.DomEvent.disableClickPropagation(a);
    L.DomEvent.on(a, "click", function(e) {
      L.DomEvent.preventDefault(e);
      if (bounds) { fit(false); } else { map.setView(start.center, start.zoom); }
    });
    return a;
  };
  home.addTo(map);
  // an opened popup pans clear of the top-left controls (zoom, whole view): it never covers them (every
  // popup inherits the prototype's options, those bound before this script too). Measured when a popup
  // opens: while this script runs, Leaflet's stylesheet may not apply yet (the corner then spans the whole
  // map: a padding of the map's size, and every popup panned the map a screen away)
  var corner = map._controlCorners && map._controlCorners.topleft;
  if (corner) {
    Object.defineProperty(L.Popup.prototype.options, "autoPanPaddingTopLeft", {configurable: true, get: function() {
      var c = corner.getBoundingClientRect(), m = map.getContainer().getBoundingClientRect();
      return L.point(c.right - m.left + 8, c.bottom - m.top + 8);
    }});
  }
  // the place named (none: "") drawn as selected, its popup open where it is: the kept view stays (no pan).
  // The popup is opened, not clicked: st_folium hears no new click
  function select(name) {
    var autoPan = L.Popup.prototype.options.autoPan;
    L.Popup.prototype.options.autoPan = false;
    layers.forEach(function(group) {
      group.eachLayer(function(layer) {
        var p = layer.feature && layer.feature.properties;
        if (!p) return;
        var on = name !== "" && p.name === name;
        if (on) {
          layer.setStyle({color: "#000000", weight: 3, dashArray: null, radius: p.style.radius});  // radius: in metres for a region
        } else if (layer.timelineSelected) {
          layer.setStyle(p.style);
        }
        layer.timelineSelected = on;
        var popup = group.getPopup && group.getPopup();
        if (on && layer._map && popup && !(popup.isOpen() && popup._source === layer)) {
          popup._source = layer;  // the popup's content is the layer's (folium binds it on the group)
          map.openPopup(popup, layer.getLatLng());
        }
      });
    });
    L.Popup.prototype.options.autoPan = autoPan;
    setTimeout(unhookClusters, 0);  // after st_folium has (again) attached its click handlers
  }
  window.timelineSelect = select;
  // a tooltip stays inside the map: Leaflet's "auto" puts it left of a place right of the centre, so a long
  // one near the left edge was cut; it goes to the side (or above, below) with room, wrapped if none has
  map.on("tooltipopen", function(e) {
    var tip = e.tooltip, el = tip.getElement();
    if (!el) return;
    var m = map.getContainer().getBoundingClientRect();
    function out() { var r = el.getBoundingClientRect(); return {l: r.left < m.left, r: r.right > m.right, t: r.top < m.top, b: r.bottom > m.bottom}; }
    tip.options.direction = "auto"; tip.update();
    var o = out(), dir = o.l ? "right" : o.r ? "left" : o.t ? "bottom" : o.b ? "top" : null;
    if (dir) { tip.options.direction = dir; tip.update(); o = out(); }
    if (o.l || o.r) { el.style.whiteSpace = "normal"; el.style.maxWidth = Math.max(m.width - 24, 80) + "px"; tip.update(); }
  });
  // the places of another week drawn in this map, with no new map (playback: a new map each step would
  // leave the frame blank while it loads): each kind's layer gets its features, styled as the map draws them
  var kinds = {{ this.layer_kinds|tojson }};
  window.timelinePlaces = function(features) {
    var cluster = null;
    for (var id in map._layers) { if (L.MarkerClusterGroup && map._layers[id] instanceof L.MarkerClusterGroup) cluster = map._layers[id]; }
    layers.forEach(function(group, i) {
      if (cluster) cluster.removeLayers(group.getLayers());
      group.clearLayers();
      group.addData(features.filter(function(f) { return f.properties.kind === kinds[i]; }));
      group.eachLayer(function(layer) {
        var style = layer.feature.properties.style;
        layer.setStyle(style);
        if (layer.setRadius) layer.setRadius(style.radius);
      });
      if (cluster) cluster.addLayers(group.getLayers());
    });
  };
  if (selected) select(selected);
  {% if this.tiles_name %}
  var tiles = {{ this.tiles_name }};
  tiles.once("tileerror", function() {
    map.removeLayer(tiles);
    var note = L.control({position: "bottomleft"});
    note.onAdd = function() {
      var div = L.DomUtil.create("div", "timeline-offline-note");
      div.style.cssText = "background:#fffd;padding:2px 6px;font:12px sans-serif";
      div.textContent = {{ this.offline_note|tojson }};
      return div;
    };
    note.addTo(map);
  });
  {% endif %}
  function unhookClusters() {  // a cluster click only zooms: st_folium's click handler off clusters
    if (!L.MarkerClusterGroup) return;
    for (var id in map._layers) {
      var layer = map._layers[id];
      if (layer instanceof L.MarkerCluster) layer.off("click");
      if (layer instanceof L.MarkerClusterGroup) {
        layer._featureGroup.off("click");
        layer._nonPointGroup.off("click");
      }
    }
  }
  setTimeout(unhookClusters, 0);  // after st_folium has attached its click handlers
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(
        self,
        view_key: str,
        selected: str,
        layer_names: list[str],
        tiles_name: str = "",
        bounds: list[list[float]] | None = None,
        layer_kinds: list[str] | None = None,
    ) -> None:
        super().__init__()
        self._name = "MapBehaviour"
        self.bounds = bounds
        self.view_key = view_key
        self.selected = selected
        self.layer_names = layer_names
        self.tiles_name = tiles_name
        self.offline_note = TILES_FAILED_NOTE
        self.reset_label = RESET_LABEL
        self.pad = FIT_PADDING
        self.layer_kinds = layer_kinds or []
