//! Line mode's loss surface over (m, c), with the batch, mini-batch and stochastic paths.
use super::help_tip::HelpTip;
use super::lecture::{chart_theme, PageView};
use super::sized::watch_canvas;
use super::AppState;
use crate::core::help::HelpTopic;
use crate::core::snapshot::ModelView;
use crate::render::canvas::draw_line_surface;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The surface panel, redrawn with each snapshot.
#[component]
pub fn LineSurfacePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let canvas = NodeRef::<Canvas>::new();
    let watch = watch_canvas(canvas);
    Effect::new(move |_| {
        let Some(el) = watch.canvas() else {
            return;
        };
        let theme = chart_theme(state, page);
        let drawn = state.snapshot.with(|s| match &s.model {
            ModelView::Line(view) => draw_line_surface(&el, &s.points, view, theme),
            _ => Ok(()),
        });
        if let Err(e) = drawn {
            state.say(format!("Could not draw the loss surface: {e:?}"));
        }
    });
    view! {
        <div class="surface-panel">
            <h2>"Loss surface over (m, c)" <HelpTip topic=HelpTopic::LossSurface /></h2>
            <p class="hint">
                "Lighter is lower. The three descents start together; × marks the least-squares line."
            </p>
            <div class="view-box">
                <canvas
                    class="line-surface"
                    node_ref=canvas
                    data-testid="line-surface"
                    aria-label="Mean squared error over slope m (across) and intercept c (up), with the batch, mini-batch and stochastic descent paths"
                ></canvas>
            </div>
        </div>
    }
}
