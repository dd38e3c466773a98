//! Where each part goes in the exported presenter picture (pure geometry, in pixels): the plot
//! on the left, as tall as the picture; on the right the caption, the loss chart's legend,
//! the loss chart and the picked view.

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
    /// The caption: the data set, the network, the epoch, the losses and the accuracy.
    pub caption: Rect,
    /// The loss chart's legend: which line is the training loss, which the test loss.
    pub legend: Rect,
    pub loss: Rect,
    pub view: Rect,
}

impl Sheet {
    /// The places on a `width × height` sheet with a margin of `m` pixels: the plot square on
    /// the left; on the right, top to bottom, the caption, the legend right above the loss
    /// chart, and the picked view.
    pub fn new(width: f64, height: f64) -> Sheet {
        let m = (height * 0.03).round();
        let side = (height - 2.0 * m).min(width * 0.6);
        let x = m + side + m;
        let w = (width - x - m).max(1.0);
        let column = |y: f64, h: f64| Rect { x, y, w, h };
        let caption = column(m, (height * 0.13).round());
        let legend = column(caption.y + caption.h + m / 2.0, (height * 0.05).round());
        let loss = column(legend.y + legend.h, ((height - 2.0 * m) * 0.28).round());
        let view_y = loss.y + loss.h + m;
        Sheet {
            plot: Rect {
                x: m,
                y: m,
                w: side,
                h: side,
            },
            caption,
            legend,
            loss,
            view: column(view_y, (height - m - view_y).max(1.0)),
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
            let parts = [s.plot, s.caption, s.legend, s.loss, s.view];
            for (i, a) in parts.iter().enumerate() {
                assert!(inside(*a, w, h), "{a:?} on {w}×{h}");
                for b in &parts[i + 1..] {
                    assert!(apart(*a, *b), "{a:?} and {b:?} on {w}×{h}");
                }
            }
            assert_eq!(s.plot.w, s.plot.h, "the plot is square");
        }
        let s = Sheet::new(1920.0, 1080.0);
        assert!(s.plot.h > 1000.0, "the plot is as tall as fits");
        // The places presenter-export.test.mjs reads the picture at.
        let at = |r: Rect| [r.x, r.y, r.w, r.h];
        assert_eq!(at(s.caption), [1080.0, 32.0, 808.0, 140.0]);
        assert_eq!(at(s.legend), [1080.0, 188.0, 808.0, 54.0]);
        assert_eq!(at(s.loss), [1080.0, 242.0, 808.0, 284.0]);
        assert_eq!(at(s.view), [1080.0, 558.0, 808.0, 490.0]);
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
