//! The QR code of a link, drawn on a canvas with its quiet zone; "Show big" fills the screen
//! so a lecture hall can scan it.
use crate::core::qr::{QrCode, MAX_BYTES};
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Light modules around the symbol, as the spec asks.
const QUIET: usize = 4;
/// About this many canvas pixels a side; CSS scales it (pixelated, so edges stay sharp).
const TARGET_PX: usize = 1000;

/// Draws `code` black on white, each module a whole number of pixels.
fn draw_qr(canvas: &HtmlCanvasElement, code: &QrCode) -> Result<(), JsValue> {
    let modules = code.size() + 2 * QUIET;
    let scale = (TARGET_PX / modules).max(1);
    let px = (modules * scale) as u32;
    canvas.set_width(px);
    canvas.set_height(px);
    let ctx = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("not a 2d context"))?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(px), f64::from(px));
    ctx.set_fill_style_str("#000000");
    let s = scale as f64;
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.dark(x, y) {
                ctx.fill_rect(((x + QUIET) as f64) * s, ((y + QUIET) as f64) * s, s, s);
            }
        }
    }
    Ok(())
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
            <p class="qr-note" data-testid="qr-note" hidden=move || !too_long()>
                {move || format!("This link has {} characters: too long for a QR code (at most {MAX_BYTES}).", link.with(String::len))}
                <Show when=move || has_weights.get()>
                    " "
                    <button data-testid="qr-without-weights" on:click=move |_| on_without_weights.run(())>
                        "Use the link without weights"
                    </button>
                </Show>
            </p>
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
