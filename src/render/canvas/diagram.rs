//! The network diagram on one canvas: the links in a few paths (one per colour and width),
//! the units, the labels, and the hovered and selected weight or unit marked.
use super::context;
use crate::render::chart_style::ChartStyle;
use crate::render::colors::{css, Rgb};
use crate::render::diagram::{
    link_color, link_width, max_abs, unit_fill, Align, Item, Label, Layout, INPUT_FILL, SPACE_EM,
    SWATCH_EM,
};
use plotters::style::RGBColor;
use std::f64::consts::TAU;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// How strongly the hovered item is marked; the selected one is marked in full ink.
const HOVER_ALPHA: f64 = 0.35;

/// What the diagram shows: a layout, the network's parameters in [`Layout::params`] order,
/// the page's colours and pixel ratio, and the items to mark (the hovered one faintly, the
/// selected one in the page's ink: a halo round a link, a ring round a unit).
pub struct DiagramView<'a> {
    pub layout: &'a Layout,
    pub params: &'a [f64],
    pub style: &'a ChartStyle,
    pub hovered: Option<Item>,
    pub selected: Option<Item>,
}

/// Draws the whole diagram. The canvas's CSS box is set to the layout's size and its pixel
/// buffer to that times the pixel ratio, when they differ (neither reads the page's layout).
pub fn draw_diagram(canvas: &HtmlCanvasElement, view: &DiagramView) -> Result<(), JsValue> {
    let l = view.layout;
    let ratio = view.style.ratio;
    size_canvas(canvas, l, ratio)?;
    super::mark_font_px(canvas, l.font);
    let ctx = context(canvas)?;
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    ctx.set_fill_style_str(&rgb(view.style.background));
    ctx.fill_rect(0.0, 0.0, l.width, l.height);
    let biggest = max_abs(view.params);
    let mut links = Vec::new();
    let mut biases = Vec::new();
    for (item, &value) in l.params().zip(view.params) {
        match item {
            Item::Link { .. } => links.push((item, value)),
            Item::Unit { .. } => biases.push((item, value)),
        }
    }
    draw_links(&ctx, l, &links, biggest);
    for (item, alpha) in [(view.hovered, HOVER_ALPHA), (view.selected, 1.0)] {
        if let Some(&(Item::Link { layer, from, to }, w)) =
            links.iter().find(|(i, _)| Some(*i) == item)
        {
            let [a, b] = l.link_ends(layer, from, to);
            let width = link_width(w, biggest, l.max_link_width);
            ctx.set_global_alpha(alpha);
            stroke_segment(&ctx, a, b, &rgb(view.style.ink), width + 5.0);
            ctx.set_global_alpha(1.0);
            stroke_segment(&ctx, a, b, &css(link_color(w)), width);
        }
    }
    draw_units(&ctx, view, &biases, biggest)?;
    draw_labels(&ctx, l, view.style.ink);
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
}

/// Sizes the canvas: CSS box as the layout, pixel buffer times `ratio`.
fn size_canvas(canvas: &HtmlCanvasElement, l: &Layout, ratio: f64) -> Result<(), JsValue> {
    let (w, h) = ((l.width * ratio).round(), (l.height * ratio).round());
    if f64::from(canvas.width()) != w || f64::from(canvas.height()) != h {
        canvas.set_width(w.max(1.0) as u32);
        canvas.set_height(h.max(1.0) as u32);
    }
    let css_size = format!("width:{:.2}px;height:{:.2}px", l.width, l.height);
    if canvas.get_attribute("style").as_deref() != Some(css_size.as_str()) {
        canvas.set_attribute("style", &css_size)?;
    }
    Ok(())
}

fn rgb(c: RGBColor) -> String {
    css([c.0, c.1, c.2])
}

fn stroke_segment(
    ctx: &CanvasRenderingContext2d,
    a: (f64, f64),
    b: (f64, f64),
    color: &str,
    width: f64,
) {
    ctx.begin_path();
    ctx.move_to(a.0, a.1);
    ctx.line_to(b.0, b.1);
    ctx.set_stroke_style_str(color);
    ctx.set_line_width(width);
    ctx.stroke();
}

/// Strokes the links grouped by width (in quarter pixels) and colour, thinnest first so the
/// largest weights lie on top: a few dozen paths even for the largest network's two thousand
/// weights.
fn draw_links(ctx: &CanvasRenderingContext2d, l: &Layout, links: &[(Item, f64)], biggest: f64) {
    let mut keyed: Vec<(u32, Rgb, usize)> = links
        .iter()
        .enumerate()
        .map(|(k, &(_, w))| {
            let width = link_width(w, biggest, l.max_link_width);
            ((width * 4.0).round() as u32, link_color(w), k)
        })
        .collect();
    keyed.sort_unstable();
    ctx.set_line_cap("round");
    ctx.set_global_alpha(l.link_alpha);
    for group in keyed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        ctx.begin_path();
        for &(_, _, k) in group {
            if let (Item::Link { layer, from, to }, _) = links[k] {
                let [a, b] = l.link_ends(layer, from, to);
                ctx.move_to(a.0, a.1);
                ctx.line_to(b.0, b.1);
            }
        }
        ctx.set_stroke_style_str(&css(group[0].1));
        ctx.set_line_width(f64::from(group[0].0) / 4.0);
        ctx.stroke();
    }
    ctx.set_global_alpha(1.0);
}

/// The units: inputs in a plain fill, the others in their bias's colour, all outlined in
/// the page's ink; then rings round the hovered and the selected unit.
fn draw_units(
    ctx: &CanvasRenderingContext2d,
    view: &DiagramView,
    biases: &[(Item, f64)],
    biggest: f64,
) -> Result<(), JsValue> {
    let l = view.layout;
    let r = l.radius;
    let ink = rgb(view.style.ink);
    let outline = (0.15 * r).clamp(1.0, 2.0);
    let inputs = (0..l.sizes()[0]).map(|i| (l.unit(0, i), INPUT_FILL));
    let others = biases.iter().filter_map(|&(item, b)| match item {
        Item::Unit { layer, index } => Some((l.unit(layer, index), unit_fill(b, biggest))),
        Item::Link { .. } => None,
    });
    for ((x, y), fill) in inputs.chain(others) {
        ctx.begin_path();
        ctx.arc(x, y, r, 0.0, TAU)?;
        ctx.set_fill_style_str(&css(fill));
        ctx.fill();
        ctx.set_stroke_style_str(&ink);
        ctx.set_line_width(outline);
        ctx.stroke();
    }
    for (item, alpha) in [(view.hovered, HOVER_ALPHA), (view.selected, 1.0)] {
        if let Some(Item::Unit { layer, index }) = item.filter(|&i| l.contains(i)) {
            let (x, y) = l.unit(layer, index);
            ctx.begin_path();
            ctx.arc(x, y, r + 3.0, 0.0, TAU)?;
            ctx.set_global_alpha(alpha);
            ctx.set_stroke_style_str(&ink);
            ctx.set_line_width(3.0);
            ctx.stroke();
            ctx.set_global_alpha(1.0);
        }
    }
    Ok(())
}

/// The inputs' and outputs' names, squeezed into their columns if wider; an output's class
/// swatch before its name.
fn draw_labels(ctx: &CanvasRenderingContext2d, l: &Layout, ink: RGBColor) {
    ctx.set_font(&format!("500 {:.1}px system-ui, sans-serif", l.font));
    ctx.set_text_baseline("middle");
    let ink = rgb(ink);
    for label in &l.labels {
        let Label {
            text, x, y, align, ..
        } = label;
        let mut room = label.max_width;
        let mut x = *x;
        if let Some(color) = label.swatch {
            let side = SWATCH_EM * l.font;
            ctx.set_fill_style_str(&css(color));
            ctx.fill_rect(x, y - side / 2.0, side, side);
            x += side + SPACE_EM * l.font;
            room -= side + SPACE_EM * l.font;
        }
        ctx.set_text_align(if *align == Align::Right {
            "right"
        } else {
            "left"
        });
        ctx.set_fill_style_str(&ink);
        let _ = ctx.fill_text_with_max_width(text, x, *y, room.max(1.0));
    }
}
