//! Where each part goes in the exported presenter picture (pure geometry, in pixels): the plot
//! on the left, as tall as the picture; on the right the readouts, the loss chart and the
//! picked view.

/// A rectangle: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The exported picture's size: 1920×1080, a projector's screen.
pub const SHEET: (u32, u32) = (1920, 1080);

/// The parts' places on a `width × height` sheet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    pub plot: Rect,
    /// The readouts' text, one line.
    pub readouts: Rect,
    pub loss: Rect,
    pub view: Rect,
}

impl Sheet {
    /// The places on a `width × height` sheet with a margin of `m` pixels.
    pub fn new(width: f64, height: f64) -> Sheet {
        let m = (height * 0.03).round();
        let side = (height - 2.0 * m).min(width * 0.6);
        let x = m + side + m;
        let w = (width - x - m).max(1.0);
        let readouts_h = (height * 0.08).round();
        let loss_h = ((height - 2.0 * m) * 0.3).round();
        let loss_y = m + readouts_h + m;
        let view_y = loss_y + loss_h + m;
        Sheet {
            plot: Rect {
                x: m,
                y: m,
                w: side,
                h: side,
            },
            readouts: Rect {
                x,
                y: m,
                w,
                h: readouts_h,
            },
            loss: Rect {
                x,
                y: loss_y,
                w,
                h: loss_h,
            },
            view: Rect {
                x,
                y: view_y,
                w,
                h: (height - m - view_y).max(1.0),
            },
        }
    }
}

/// A picture of `w × h` scaled to fit `into` whole, centred (`object-fit: contain`).
pub fn contain(w: f64, h: f64, into: Rect) -> Rect {
    if w <= 0.0 || h <= 0.0 {
        return Rect {
            w: 0.0,
            h: 0.0,
            ..into
        };
    }
    let scale = (into.w / w).min(into.h / h);
    let (sw, sh) = (w * scale, h * scale);
    Rect {
        x: into.x + (into.w - sw) / 2.0,
        y: into.y + (into.h - sh) / 2.0,
        w: sw,
        h: sh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(a: Rect, w: f64, h: f64) -> bool {
        a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= w && a.y + a.h <= h
    }

    fn apart(a: Rect, b: Rect) -> bool {
        a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
    }

    #[test]
    fn the_parts_are_on_the_sheet_and_apart() {
        for (w, h) in [(1920.0, 1080.0), (1280.0, 720.0), (800.0, 800.0)] {
            let s = Sheet::new(w, h);
            let parts = [s.plot, s.readouts, s.loss, s.view];
            for (i, a) in parts.iter().enumerate() {
                assert!(inside(*a, w, h), "{a:?} on {w}×{h}");
                for b in &parts[i + 1..] {
                    assert!(apart(*a, *b), "{a:?} and {b:?} on {w}×{h}");
                }
            }
            assert_eq!(s.plot.w, s.plot.h, "the plot is square");
        }
        assert!(
            Sheet::new(1920.0, 1080.0).plot.h > 1000.0,
            "the plot is as tall as fits"
        );
    }

    #[test]
    fn contain_keeps_the_shape_and_centres() {
        let into = Rect {
            x: 10.0,
            y: 20.0,
            w: 400.0,
            h: 100.0,
        };
        let r = contain(200.0, 100.0, into);
        assert_eq!(
            r,
            Rect {
                x: 110.0,
                y: 20.0,
                w: 200.0,
                h: 100.0
            }
        );
        assert_eq!(contain(0.0, 5.0, into).w, 0.0);
    }
}
