//! A plane `w·p + b = 0` in the lifted space, and the convex polygon where it cuts a box.
//! Everything works for any orientation, vertical planes included, and never panics.

/// A box in the lifted space: `(lo, hi)` per axis, with `lo < hi`.
pub type Bounds = [(f64, f64); 3];

/// A point in the lifted space.
pub type P3 = [f64; 3];

/// The plane `w·p + b = 0`; the side where `w·p + b ≥ 0` is class 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    pub w: [f64; 3],
    pub b: f64,
}

impl Plane {
    /// `w·p + b`: positive on class 1's side, 0 on the plane.
    #[inline]
    pub fn side(&self, p: P3) -> f64 {
        self.w[0] * p[0] + self.w[1] * p[1] + self.w[2] * p[2] + self.b
    }

    /// The third coordinate on the plane above `(p0, p1)`: `−(w₀p₀ + w₁p₁ + b) / w₂`, or
    /// `None` for a vertical plane (`w₂ ≈ 0`).
    pub fn height(&self, p0: f64, p1: f64) -> Option<f64> {
        let scale = self.w.iter().fold(0.0f64, |m, w| m.max(w.abs()));
        (self.w[2].abs() > 1e-12 * scale)
            .then(|| -(self.w[0] * p0 + self.w[1] * p1 + self.b) / self.w[2])
    }

    /// The polygon where the plane cuts the box, its corners in order around it (3 to 6 of
    /// them); empty if the plane misses the box or is not a plane (all `w` zero, or not finite).
    pub fn clip(&self, bounds: &Bounds) -> Vec<P3> {
        let unit = match self.in_unit_box(bounds) {
            Some(u) => u,
            None => return Vec::new(),
        };
        let mut corners: Vec<P3> = Vec::with_capacity(6);
        for (a, b) in box_edges() {
            let (fa, fb) = (unit.side(a), unit.side(b));
            let hit = if fa == 0.0 {
                Some(a)
            } else if fb == 0.0 {
                Some(b)
            } else if (fa < 0.0) != (fb < 0.0) {
                let t = fa / (fa - fb);
                Some([0, 1, 2].map(|k| a[k] + (b[k] - a[k]) * t))
            } else {
                None
            };
            if let Some(p) = hit {
                if corners.iter().all(|q| dist2(*q, p) > 1e-18) {
                    corners.push(p);
                }
            }
        }
        if corners.len() < 3 {
            return Vec::new();
        }
        order_around(&mut corners, unit.w);
        corners
            .into_iter()
            .map(|u| [0, 1, 2].map(|k| bounds[k].0 + u[k] * (bounds[k].1 - bounds[k].0)))
            .collect()
    }

    /// The same plane in coordinates where the box is the unit cube, if it is a plane.
    fn in_unit_box(&self, bounds: &Bounds) -> Option<Plane> {
        let w = [0, 1, 2].map(|k| self.w[k] * (bounds[k].1 - bounds[k].0));
        let b = self.b + (0..3).map(|k| self.w[k] * bounds[k].0).sum::<f64>();
        let size = w.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let ok = size > 0.0 && size.is_finite() && b.is_finite();
        // Scaled so that the largest weight is 1: tolerances then mean the same for all planes.
        ok.then(|| Plane {
            w: w.map(|v| v / size),
            b: b / size,
        })
    }
}

/// The 12 edges of the unit cube.
fn box_edges() -> impl Iterator<Item = (P3, P3)> {
    (0..3).flat_map(|axis| {
        (0..4).map(move |k| {
            let (i, j) = ((axis + 1) % 3, (axis + 2) % 3);
            let mut a = [0.0; 3];
            a[i] = (k & 1) as f64;
            a[j] = (k >> 1) as f64;
            let mut b = a;
            b[axis] = 1.0;
            (a, b)
        })
    })
}

fn dist2(a: P3, b: P3) -> f64 {
    (0..3).map(|k| (a[k] - b[k]) * (a[k] - b[k])).sum()
}

/// Sorts points of a convex polygon lying in a plane with normal `w` by angle around their
/// centroid, seen along the normal's largest component (an affine view keeps the order).
fn order_around(points: &mut [P3], w: [f64; 3]) {
    let drop = (0..3)
        .max_by(|&i, &j| w[i].abs().total_cmp(&w[j].abs()))
        .unwrap_or(2);
    let (i, j) = ((drop + 1) % 3, (drop + 2) % 3);
    let n = points.len() as f64;
    let ci = points.iter().map(|p| p[i]).sum::<f64>() / n;
    let cj = points.iter().map(|p| p[j]).sum::<f64>() / n;
    points.sort_by(|p, q| {
        let a = (p[j] - cj).atan2(p[i] - ci);
        let b = (q[j] - cj).atan2(q[i] - ci);
        a.total_cmp(&b)
    });
}

/// Where the convex `polygon` crosses the plane `p[axis] = value`: a segment, or `None`
/// if it does not (for the mesh lines drawn on the plane).
pub fn slice(polygon: &[P3], axis: usize, value: f64) -> Option<(P3, P3)> {
    let axis = axis.min(2);
    let mut ends: Vec<P3> = Vec::with_capacity(2);
    for (k, a) in polygon.iter().enumerate() {
        let b = polygon[(k + 1) % polygon.len()];
        let (fa, fb) = (a[axis] - value, b[axis] - value);
        if (fa <= 0.0 && fb > 0.0) || (fa > 0.0 && fb <= 0.0) {
            let t = fa / (fa - fb);
            ends.push([0, 1, 2].map(|c| a[c] + (b[c] - a[c]) * t));
        }
    }
    match ends[..] {
        [a, b, ..] => Some((a, b)),
        _ => None,
    }
}
