"""Writes land-110m.svg, the world outline the explorer's map draws under its marks.

Source: `land-110m.json` of the npm package world-atlas 2.0.2 (TopoJSON of Natural Earth's
1:110m land polygons; the data is in the public domain, the package ISC-licensed):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 maps/prepare.py package/land-110m.json maps/land-110m.svg

The outline is projected plate carrée (x = longitude, y = -latitude, in degrees), which is
what the map's marks use, rounded to a tenth of a degree (about 11 km, under a pixel of a
world drawn 1,000 pixels wide), with the points a ring repeats at that precision dropped.
"""

import json
import sys


def arcs_of(topology):
    """Each arc's points in degrees (TopoJSON's quantised, delta-encoded arcs decoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(arcs, indexes):
    """A ring's points: its arcs joined, a negative index (~i) being arc i reversed."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrapped(points):
    """The ring's points with no jump across the antimeridian: a ring that crosses it (Chukotka,
    Fiji, Antarctica's edge) goes on past 180 degrees instead of drawing a line across the
    world; the map clips what lies outside it."""
    out = []
    for lon, lat in points:
        if out:
            while lon - out[-1][0] > 180:
                lon -= 360
            while out[-1][0] - lon > 180:
                lon += 360
        out.append((lon, lat))
    return out


def path(rings):
    """The SVG path data of the rings, each closed, at a tenth of a degree; a ring reaching past
    the antimeridian is drawn again a world over, so both of its sides show."""
    parts = []
    drawn = [unwrapped(points) for points in rings]
    for points in list(drawn):
        lons = [lon for lon, _ in points]
        if max(lons) > 180:
            drawn.append([(lon - 360, lat) for lon, lat in points])
        if min(lons) < -180:
            drawn.append([(lon + 360, lat) for lon, lat in points])
    for points in drawn:
        rounded = []
        for lon, lat in points:
            point = (round(lon, 1), round(-lat, 1))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) < 4:
            continue
        text = " ".join(f"{x:g} {y:g}" for x, y in rounded[:-1])
        parts.append(f"M{text}Z")
    return "".join(parts)


def main(source, target):
    topology = json.load(open(source))
    arcs = arcs_of(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings.extend(ring(arcs, indexes) for indexes in polygon)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180">'
        f'<path fill="#8c96a3" fill-rule="evenodd" d="{path(rings)}"/></svg>\n'
    )
    open(target, "w").write(svg)


if __name__ == "__main__":
    main(*sys.argv[1:])
