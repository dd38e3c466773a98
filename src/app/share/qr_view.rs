//! The QR code of a link, drawn on a canvas with its quiet zone; "Show big" fills the screen
//! so a lecture hall can scan it.
use crate::core::qr::{QrCode, MAX_BYTES};
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// Light modules around the symbol, as the spec asks.
const QUIET: usize = 4;
/// About this many canvas pixels a side; CSS scales it (pixelated, so edges stay sharp).
const TARGET_PX: usize = 1000;

/// Draws `code` black on white, each module a whole number of pixels: one pixel a module on a
/// small canvas, scaled up by one `drawImage` without smoothing (one call into the browser
/// instead of one `fillRect` per dark module, which cost ~0.2 s at start-up on a slow CPU).
fn draw_qr(canvas: &HtmlCanvasElement, code: &QrCode) -> Result<(), JsValue> {
    let modules = code.size() + 2 * QUIET;
    let scale = (TARGET_PX / modules).max(1);
    let px = (modules * scale) as u32;
    canvas.set_width(px);
    canvas.set_height(px);
    let mut rgba = vec![255u8; modules * modules * 4];
    for (i, pixel) in rgba.chunks_exact_mut(4).enumerate() {
        let (x, y) = (i % modules, i / modules);
        if x >= QUIET && y >= QUIET && code.dark(x - QUIET, y - QUIET) {
            pixel[..3].fill(0);
        }
    }
    let small = crate::render::canvas::new_canvas(modules as u32, modules as u32)?;
    crate::render::canvas::put_rgba(&small, &rgba, modules)?;
    let ctx = crate::render::canvas::context(canvas)?;
    ctx.set_image_smoothing_enabled(false);
    let side = f64::from(px);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&small, 0.0, 0.0, side, side)
}

/// The QR code of `link`, or a message when the link is too long for one.
#[component]
pub fn QrView(
    /// The link to encode.
    #[prop(into)]
    link: Signal<String>,
    /// Called when the user asks for the link without weights instead (shown only when
    /// `has_weights` and the link is too long).
    on_without_weights: Callback<()>,
    /// Whether `link` carries trained weights.
    #[prop(into)]
    has_weights: Signal<bool>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let (big, set_big) = signal(false);
    let code = Memo::new(move |_| link.with(|l| QrCode::encode(l)));
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        if let Ok(c) = code.get() {
            if let Err(e) = draw_qr(&el, &c) {
                web_sys::console::warn_1(&e);
            }
        }
    });
    let too_long = move || code.with(|c| c.is_err());
    let caption = move || {
        code.with(|c| match c {
            Ok(c) => format!(
                "QR code of this link (version {}, {} characters)",
                c.version,
                link.with(String::len)
            ),
            Err(_) => String::new(),
        })
    };
    view! {
        <div class="qr" class:qr-big=big>
            <canvas
                node_ref=canvas
                class="qr-canvas"
                data-testid="qr-canvas"
                role="img"
                aria-label=caption
                hidden=too_long
                on:click=move |_| set_big.set(false)
            ></canvas>
            <Show when=too_long>
                <TooLongNote link on_without_weights has_weights />
            </Show>
            <button
                data-testid="qr-big"
                hidden=too_long
                aria-pressed=move || big.get().to_string()
                on:click=move |_| set_big.update(|b| *b = !*b)
            >
                {move || if big.get() { "Close the big QR code" } else { "Show QR code big" }}
            </button>
        </div>
    }
}

/// Says the link is too long for a QR code, offering the link without weights where it has
/// them.
#[component]
fn TooLongNote(
    /// The link that did not fit.
    link: Signal<String>,
    /// Called when the user asks for the link without weights instead.
    on_without_weights: Callback<()>,
    /// Whether `link` carries trained weights.
    has_weights: Signal<bool>,
) -> impl IntoView {
    let note = move || {
        format!(
            "This link has {} characters: too long for a QR code (at most {MAX_BYTES}).",
            link.with(String::len),
        )
    };
    view! {
        <p class="qr-note" data-testid="qr-note">
            {note}
            <Show when=move || {
                has_weights.get()
            }>
                " "
                <button
                    data-testid="qr-without-weights"
                    on:click=move |_| on_without_weights.run(())
                >
                    "Use the link without weights"
                </button>
            </Show>
        </p>
    }
}
