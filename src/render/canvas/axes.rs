//! The plot's axes: the lines through the origin, and tick labels in the view's own units
//! along the bottom (x₁) and up the left edge (x₂), dark on a white halo so they read over
//! any heatmap colour.
use crate::render::colors::css;
use crate::render::geometry::{ticks, Viewport};
use crate::render::plot_style::{tick_label, PlotSizes, TICK_HALO, TICK_INK};
use web_sys::CanvasRenderingContext2d;

/// About how many ticks each axis gets.
const TICKS: usize = 5;

/// Draws the axes through the origin (where the view holds it); `ratio` is canvas pixels per
/// CSS pixel. The tick labels go over the points ([`draw_tick_labels`]), so thousands of
/// points never hide them.
pub fn draw_axes(ctx: &CanvasRenderingContext2d, vp: Viewport, ratio: f64) {
    ctx.set_stroke_style_str("rgba(0, 0, 0, 0.18)");
    ctx.set_line_width(ratio);
    let (cx, cy) = vp.to_px(0.0, 0.0);
    ctx.begin_path();
    if (0.0..=vp.width).contains(&cx) {
        ctx.move_to(cx, 0.0);
        ctx.line_to(cx, vp.height);
    }
    if (0.0..=vp.height).contains(&cy) {
        ctx.move_to(0.0, cy);
        ctx.line_to(vp.width, cy);
    }
    ctx.stroke();
}

/// The tick labels: x₁'s along the bottom edge, x₂'s up the left edge, none so close to an
/// edge that it would be cut, and none in the bottom-left corner where the two rows meet.
/// `sizes` are in CSS pixels.
pub fn draw_tick_labels(
    ctx: &CanvasRenderingContext2d,
    vp: Viewport,
    ratio: f64,
    sizes: PlotSizes,
) {
    let font = sizes.tick_font * ratio;
    let d = vp.domain;
    ctx.set_font(&format!("600 {}px sans-serif", font.round()));
    ctx.set_line_join("round");
    ctx.set_line_width(font * 0.3);
    ctx.set_stroke_style_str(&css(TICK_HALO));
    ctx.set_fill_style_str(&css(TICK_INK));
    let label = |text: &str, x: f64, y: f64| {
        let _ = ctx.stroke_text(text, x, y);
        let _ = ctx.fill_text(text, x, y);
    };
    ctx.set_text_baseline("bottom");
    ctx.set_text_align("center");
    let edge = font * 1.2;
    for t in ticks(d.x1.0, d.x1.1, TICKS) {
        let (x, _) = vp.to_px(t, d.x2.0);
        if x > edge * 1.5 && x < vp.width - edge {
            label(&tick_label(t), x, vp.height - 2.0 * ratio);
        }
    }
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    for t in ticks(d.x2.0, d.x2.1, TICKS) {
        let (_, y) = vp.to_px(d.x1.0, t);
        if y > edge * 1.6 && y < vp.height - edge * 1.5 {
            label(&tick_label(t), 4.0 * ratio, y);
        }
    }
}
