//! Curve mode's marks over the plot: the best straight line, faint and dashed, and the
//! network's fitted curve, thick and dark on a white halo so it reads from the back row.
use super::fit_to_box;
use super::plot::cleared;
use crate::core::curve::CurveSamples;
use crate::core::domain::Domain;
use crate::render::curve::{curve_polylines, dashes};
use crate::render::geometry::line_endpoints;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What curve mode draws over the points.
pub struct CurveOverlay<'a> {
    /// The network's y = f(x) across the plot.
    pub samples: &'a CurveSamples,
    /// The least-squares line (m, c) on the training points, drawn faintly for comparison.
    pub line: Option<(f64, f64)>,
    /// The data coordinates the plot shows.
    pub domain: Domain,
}

/// Draws curve mode's marks on the plot's marks layer (cleared first).
pub fn draw_curve(canvas: &HtmlCanvasElement, overlay: &CurveOverlay) -> Result<(), JsValue> {
    let (vp, ratio) = fit_to_box(canvas);
    let vp = vp.with_domain(overlay.domain);
    let ctx = cleared(canvas)?;
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    if let Some(((a1, a2), (b1, b2))) = overlay
        .line
        .and_then(|(m, c)| line_endpoints([m, -1.0, c], overlay.domain))
    {
        let (a, b) = (vp.to_px(a1, a2), vp.to_px(b1, b2));
        ctx.set_stroke_style_str("rgba(27, 35, 48, 0.45)");
        ctx.set_line_width(2.0 * ratio);
        stroke_pieces(&ctx, &dashes(a, b, 9.0 * ratio, 7.0 * ratio));
    }
    let pieces = curve_polylines(&overlay.samples.xs, &overlay.samples.ys, vp);
    for (style, width) in [("rgba(255, 255, 255, 0.85)", 8.0), ("#1b2330", 4.0)] {
        ctx.set_stroke_style_str(style);
        ctx.set_line_width(width * ratio);
        stroke_pieces(&ctx, &pieces);
    }
    Ok(())
}

/// Strokes every polyline in one path.
fn stroke_pieces(ctx: &CanvasRenderingContext2d, pieces: &[Vec<(f64, f64)>]) {
    ctx.begin_path();
    for piece in pieces {
        for (i, &(x, y)) in piece.iter().enumerate() {
            if i == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
    }
    ctx.stroke();
}
