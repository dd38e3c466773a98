//! Backpropagation, step by step: for one data point the student picks, the feedforward (each
//! unit's z and a), the error, each unit's δ going back, and each weight's ∂E/∂w = δ·a beside
//! the numerical derivative. The numbers are computed when the panel opens, and then whenever
//! the network, the data or the point change while training is paused (while it plays they
//! stay those of the epoch shown, and the panel says so). Large networks show one chosen
//! weight's chain. The maths is in [`crate::core::backprop`].
use super::AppState;
use crate::core::backprop::{BackpropTable, UnitStep, WeightStep, SMALL_LAYERS, SMALL_UNITS};
use crate::core::number_text::fixed;
use leptos::prelude::*;

/// The table on show, and which point and epoch it is of.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    table: BackpropTable,
    /// The point's number, from 1.
    point: usize,
    is_test: bool,
    epoch: u64,
}

/// The panel: a `<details>` whose numbers are computed only while it is open.
#[component]
pub fn BackpropPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (open, set_open) = signal(false);
    // The field's text as it stands; the point shown and the field's message follow it.
    let (typed, set_typed) = signal("1".to_string());
    let (weight, set_weight) = signal(0usize);
    let count = Memo::new(move |_| state.snapshot.with(|s| s.points.len()));
    let reading = Memo::new(move |_| typed.with(|t| typed_point(t, count.get())));
    // Text that is no number keeps the point shown before it.
    let point =
        Memo::new(move |prev: Option<&usize>| reading.with(|r| r.0).or(prev.copied()).unwrap_or(1));
    let message = Memo::new(move |_| reading.with(|r| r.1.clone()));
    Effect::new(move |_| state.say_field("Point", message.get()));
    let shown = Memo::new(move |prev: Option<&Option<Shown>>| {
        if !open.get() {
            return None;
        }
        // The version changes with anything in the trainer: recompute (when paused).
        let (_version, epoch) = state.snapshot.with(|s| (s.version, s.epoch));
        let p = point.get().clamp(1, count.get().max(1));
        if state.playing.get() {
            if let Some(Some(prev)) =
                prev.filter(|prev| prev.as_ref().is_some_and(|s| s.point == p))
            {
                return Some(prev.clone());
            }
        }
        state
            .trainer
            .try_with_value(|t| t.backprop_of(p - 1))
            .flatten()
            .map(|(table, is_test)| Shown {
                table,
                point: p,
                is_test,
                epoch,
            })
    });
    let stale = Memo::new(move |_| {
        let epoch = state.snapshot.with(|s| s.epoch);
        shown.with(|s| s.as_ref().is_some_and(|s| s.epoch != epoch))
    });
    // Picked beside the plot (lecture mode or full screen), the panel opens by itself: the
    // presenter chose it to show it, not its heading.
    let details = NodeRef::<leptos::html::Details>::new();
    if let Some(page) = use_context::<super::lecture::PageView>() {
        Effect::new(move |_| {
            let pick = page.pick.get();
            let staged = state.config.with(|c| {
                (c.lecture || page.maximised.get())
                    && super::stage::stage_view(pick, c) == Some(super::stage::StageView::Backprop)
            });
            if let (true, Some(el)) = (staged, details.get()) {
                let _ = el.set_attribute("open", "");
            }
        });
    }
    view! {
        <details
            class="backprop"
            data-testid="backprop"
            node_ref=details
            on:toggle=move |ev| {
                let el = event_target::<web_sys::Element>(&ev);
                set_open.set(el.has_attribute("open"));
            }
        >
            <summary>"Backpropagation, step by step"</summary>
            <div class="backprop-pick">
                <label class="field">
                    <span class="field-label">"Point"</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="backprop-point"
                        aria-describedby="backprop-point-message"
                        prop:value=move || typed.get()
                        on:input=move |ev| set_typed.set(event_target_value(&ev))
                    />
                </label>
                <span class="backprop-of">
                    {move || {
                        shown
                            .with(|s| {
                                s.as_ref()
                                    .map_or_else(
                                        String::new,
                                        |s| {
                                            let set = if s.is_test {
                                                "a test point"
                                            } else {
                                                "a training point"
                                            };
                                            format!("of {}: {set}", count.get())
                                        },
                                    )
                            })
                    }}
                </span>
            </div>
            <p
                class="field-note"
                id="backprop-point-message"
                data-testid="backprop-point-message"
                role="status"
            >
                {move || message.get().unwrap_or_default()}
            </p>
            <Show when=move || stale.get()>
                <p class="backprop-note" data-testid="backprop-stale">
                    {move || {
                        let epoch = shown.with(|s| s.as_ref().map_or(0, |s| s.epoch));
                        format!(
                            "Training: these numbers are of epoch {epoch}. Pause to follow the network.",
                        )
                    }}
                </p>
            </Show>
            {move || {
                let chosen = weight.get();
                match shown.get() {
                    Some(s) => {
                        view! { <Steps shown=s weight=chosen set_weight=set_weight /> }.into_any()
                    }
                    None => {
                        view! {
                            <p class="backprop-note" data-testid="backprop-none">
                                "No point to show: the data has none."
                            </p>
                        }
                            .into_any()
                    }
                }
            }}
        </details>
    }
}

/// A typed point number: the number to show (clamped to 1..=`n`) and a message when it was
/// not taken as typed.
fn typed_point(text: &str, n: usize) -> (Option<usize>, Option<String>) {
    let n = n.max(1);
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => {
            let p = (v.round().max(1.0) as usize).min(n);
            let taken = v == p as f64;
            let message = (!taken)
                .then(|| format!("Point: the points are numbered 1 to {n}; showing point {p}."));
            (Some(p), message)
        }
        _ => (None, Some(format!("Point: type a number from 1 to {n}."))),
    }
}

/// The four steps of one table.
#[component]
fn Steps(
    /// The table and its point.
    shown: Shown,
    /// The chosen weight's parameter index (for large networks).
    weight: usize,
    /// Chooses the weight.
    set_weight: WriteSignal<usize>,
) -> impl IntoView {
    let t = shown.table;
    let inputs: Vec<String> = t
        .input
        .iter()
        .enumerate()
        .map(|(i, x)| format!("{} = {}", t.unit_name(0, i), fixed(*x, 3)))
        .collect();
    let head = format!("{}, target y = {}", inputs.join(", "), fixed(t.target, 3));
    let small = t.is_small();
    let chosen = t.weight(weight).or(t.weights.first()).cloned();
    let (units, weights): (Vec<UnitStep>, Vec<WeightStep>) = match (&chosen, small) {
        (Some(w), false) => (
            t.chain_units(w).into_iter().cloned().collect(),
            vec![w.clone()],
        ),
        _ => (t.units.clone(), t.weights.clone()),
    };
    let picker = (!small).then(|| {
        let options: Vec<(usize, String)> = t
            .weights
            .iter()
            .map(|w| (w.index, t.weight_name(w)))
            .collect();
        view! {
            <label class="field backprop-weight">
                <span class="field-label">
                    {format!(
                        "Larger than {SMALL_LAYERS} layers of {SMALL_UNITS}: one weight's chain",
                    )}
                </span>
                <select
                    data-testid="backprop-weight"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse() {
                            set_weight.set(i);
                        }
                    }
                >
                    {options
                        .into_iter()
                        .map(|(i, name)| {
                            view! {
                                <option value=i.to_string() selected=weight == i>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    });
    let forward = units.iter().map(|u| unit_row(&t, u)).collect_view();
    // Back from the output layer, each layer's units in order.
    let mut backward = units.clone();
    backward.sort_by_key(|u| (std::cmp::Reverse(u.layer), u.unit));
    let back = backward.iter().map(|u| delta_row(&t, u)).collect_view();
    let grads = weights.iter().map(|w| grad_row(&t, w)).collect_view();
    let gap = format!(
        "largest |backprop − numerical| = {} (central difference, ε = {})",
        crate::core::number_text::scientific(t.largest_gap(), 2),
        t.epsilon
    );
    view! {
        <div class="backprop-steps" data-testid="backprop-steps" data-point=shown.point>
            <p class="backprop-input" data-testid="backprop-input">
                {head}
            </p>
            {picker}
            <h4>"1. Feedforward: z = Σ w·a + b, a = f(z)"</h4>
            <ol class="backprop-list">{forward}</ol>
            <h4>"2. The error of this point"</h4>
            <p class="backprop-formula" data-testid="backprop-error" data-loss=t.loss>
                {t.error_text()}
            </p>
            <h4>"3. Going back: δ = ∂E/∂z, by the chain rule"</h4>
            <ol class="backprop-list">{back}</ol>
            <h4>"4. ∂E/∂w = δ·a, and the numerical derivative"</h4>
            <table class="backprop-grads">
                <thead>
                    <tr>
                        <th>"backpropagation"</th>
                        <th>"numerical"</th>
                    </tr>
                </thead>
                <tbody>{grads}</tbody>
            </table>
            <p class="backprop-gap" data-testid="backprop-gap">
                {gap}
            </p>
        </div>
    }
}

/// A unit's feedforward: its sum and its activation.
fn unit_row(t: &BackpropTable, u: &UnitStep) -> impl IntoView {
    let (z, a) = (t.z_text(u), t.a_text(u));
    view! {
        <UnitItem testid="backprop-unit" layer=u.layer unit=u.unit {..} data-z=u.z data-a=u.a>
            <div>{z}</div>
            <div>{a}</div>
        </UnitItem>
    }
}

/// A unit's δ.
fn delta_row(t: &BackpropTable, u: &UnitStep) -> impl IntoView {
    let delta = t.delta_text(u);
    view! {
        <UnitItem testid="backprop-delta" layer=u.layer unit=u.unit {..} data-delta=u.delta>
            {delta}
        </UnitItem>
    }
}

/// One unit's line in a step list, named by its layer and unit for the tests; its own values
/// come as further `data-` attributes.
#[component]
fn UnitItem(
    /// The line's `data-testid`.
    testid: &'static str,
    /// The unit's layer (1 for the first hidden layer).
    layer: usize,
    /// The unit's number in its layer, from 0.
    unit: usize,
    /// The line's formulas.
    children: Children,
) -> impl IntoView {
    view! {
        <li class="backprop-formula" data-testid=testid data-layer=layer data-unit=unit>
            {children()}
        </li>
    }
}

/// A weight's derivative: the chain rule's product, and the central difference beside it.
fn grad_row(t: &BackpropTable, w: &WeightStep) -> impl IntoView {
    view! {
        <tr
            data-testid="backprop-grad"
            data-index=w.index
            data-grad=w.grad
            data-numerical=w.numerical
        >
            <td class="backprop-formula">{t.grad_text(w)}</td>
            <td class="backprop-numerical">{crate::core::number_text::fixed(w.numerical, 6)}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::typed_point;

    #[test]
    fn typed_points_are_clamped_and_explained() {
        assert_eq!(typed_point("3", 10), (Some(3), None));
        let (p, m) = typed_point("42", 10);
        assert_eq!(p, Some(10));
        assert!(m.is_some_and(|m| m.contains("1 to 10")));
        assert_eq!(typed_point("0", 10).0, Some(1));
        assert_eq!(typed_point("2.4", 10).0, Some(2));
        assert!(typed_point("two", 10).0.is_none());
    }
}
