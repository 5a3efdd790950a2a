//! The map's pure geometry: the projection, the curve of a route, and the window onto the
//! world that panning and zooming move (tested here, natively; the page only draws).
//!
//! The projection is plate carrée in degrees (x = longitude, y = −latitude), the one the
//! outline `maps/land-110m.svg` is drawn in, so marks and outline share one coordinate
//! system and an SVG `viewBox` is the whole camera.

/// Where a point of the globe falls on the map: `(x, y)` in degrees, y downwards.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    (lon, -lat)
}

/// The control point of the quadratic curve drawn from `from` to `to`: off the chord's
/// middle by a fifth of its length, to the left of the direction of travel, so that the
/// routes A → B and B → A are two arcs, not one line.
pub fn bend(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    let middle = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    // (dy, −dx) is the chord turned a quarter to the left, y pointing down.
    (middle.0 + dy * 0.2, middle.1 - dx * 0.2)
}

/// The point halfway along the curve from `from` to `to` (where a route's count is written).
pub fn curve_middle(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    let control = bend(from, to);
    (
        (from.0 + 2.0 * control.0 + to.0) / 4.0,
        (from.1 + 2.0 * control.1 + to.1) / 4.0,
    )
}

/// The part of the map on screen: its top-left corner and width in degrees, twice as wide
/// as it is high, as the world is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapWindow {
    /// Left edge (longitude).
    pub x: f64,
    /// Top edge (−latitude).
    pub y: f64,
    /// Width in degrees.
    pub width: f64,
}

impl MapWindow {
    /// The whole world.
    pub const WORLD: MapWindow = MapWindow {
        x: -180.0,
        y: -90.0,
        width: 360.0,
    };

    /// The closest zoom: a window a 64th of the world's width (about 600 km).
    pub const NARROWEST: f64 = 360.0 / 64.0;

    /// Height in degrees.
    pub fn height(self) -> f64 {
        self.width / 2.0
    }

    /// Zoomed in by `factor` (below 1 zooms out), keeping in place the point at `anchor`,
    /// given as fractions of the window's width and height (0.5, 0.5 is its centre);
    /// never wider than the world nor narrower than [`MapWindow::NARROWEST`].
    pub fn zoom(self, factor: f64, anchor: (f64, f64)) -> MapWindow {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let width = crate::timeline::limit(self.width / factor, Self::NARROWEST, 360.0);
        let (ax, ay) = (
            self.x + anchor.0 * self.width,
            self.y + anchor.1 * self.height(),
        );
        MapWindow {
            x: ax - anchor.0 * width,
            y: ay - anchor.1 * width / 2.0,
            width,
        }
        .kept()
    }

    /// Moved by `dx`, `dy` fractions of its width and height (positive: east and south).
    pub fn pan(self, dx: f64, dy: f64) -> MapWindow {
        MapWindow {
            x: self.x + dx * self.width,
            y: self.y + dy * self.height(),
            ..self
        }
        .kept()
    }

    /// The window moved back over the world where it strayed past an edge.
    fn kept(self) -> MapWindow {
        let width = crate::timeline::limit(self.width, Self::NARROWEST, 360.0);
        MapWindow {
            x: crate::timeline::limit(self.x, -180.0, 180.0 - width),
            y: crate::timeline::limit(self.y, -90.0, 90.0 - width / 2.0),
            width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_north_up_and_bends_routes_to_their_left() {
        assert_eq!(project(55.75, 37.62), (37.62, -55.75));
        // Eastward along the equator, the curve bows north (up, y smaller).
        assert_eq!(bend((0.0, 0.0), (10.0, 0.0)), (5.0, -2.0));
        // The way back bows south: two arcs.
        assert_eq!(bend((10.0, 0.0), (0.0, 0.0)), (5.0, 2.0));
        assert_eq!(curve_middle((0.0, 0.0), (10.0, 0.0)), (5.0, -1.0));
    }

    #[test]
    fn zooms_about_the_anchor_within_limits() {
        let world = MapWindow::WORLD;
        assert_eq!(world.height(), 180.0);
        // Zooming in twice about the centre shows the middle half.
        let closer = world.zoom(2.0, (0.5, 0.5));
        assert_eq!(
            closer,
            MapWindow {
                x: -90.0,
                y: -45.0,
                width: 180.0
            }
        );
        // About the top-left corner, that corner stays.
        let corner = world.zoom(4.0, (0.0, 0.0));
        assert_eq!((corner.x, corner.y, corner.width), (-180.0, -90.0, 90.0));
        // Never wider than the world, never closer than the narrowest window.
        assert_eq!(closer.zoom(0.1, (0.3, 0.8)), world);
        assert_eq!(world.zoom(1e9, (0.5, 0.5)).width, MapWindow::NARROWEST);
        // Nonsense factors change nothing.
        assert_eq!(closer.zoom(f64::NAN, (0.5, 0.5)), closer);
        assert_eq!(closer.zoom(0.0, (0.5, 0.5)), closer);
    }

    #[test]
    fn pans_without_leaving_the_world() {
        let closer = MapWindow::WORLD.zoom(2.0, (0.5, 0.5));
        let east = closer.pan(0.25, 0.0);
        assert_eq!((east.x, east.y), (-45.0, -45.0));
        // Past the edge, the window stops at it.
        let far = closer.pan(5.0, -5.0);
        assert_eq!((far.x, far.y), (0.0, -90.0));
        // The whole world cannot move.
        assert_eq!(MapWindow::WORLD.pan(0.3, 0.3), MapWindow::WORLD);
    }
}
