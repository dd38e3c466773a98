//! Logic gates: presets that load a gate's four corner points, what the current perceptron
//! computes, and the "build XOR" view, the notes' two-layer network with a live truth table.
use crate::app::AppState;
use crate::core::gates::{Gate, XorNetwork};
use crate::core::perceptron::{Decimal, Perceptron};
use crate::core::snapshot::ModelView;
use leptos::prelude::*;

/// Gate presets and the gates the current weights compute.
#[component]
pub fn GatesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Another gate is another data set: the perceptron starts again from its starting weights
    // (its counts, its last step and the status go with the old set's run).
    let load = move |gate: Gate| state.choose_data(|c| c.points = Some(gate.points()));
    let acts_as = move || {
        let weights = state.snapshot.with(|s| match &s.model {
            ModelView::Perceptron(view) => Some(view.weights),
            _ => None,
        });
        let Some([w1, w2, b]) = weights else {
            return String::new();
        };
        let p = Perceptron::new(w1, w2, b, 0.1);
        let gates: Vec<&str> = Gate::ALL
            .into_iter()
            .filter(|g| p.misclassified(&g.points()).is_empty())
            .map(|g| g.name())
            .collect();
        if gates.is_empty() {
            "none of them".into()
        } else {
            gates.join(", ").to_uppercase()
        }
    };
    view! {
        <h2>"Logic gates"</h2>
        <div class="gate-buttons" role="group" aria-label="Gate presets">
            {Gate::ALL
                .into_iter()
                .map(|g| {
                    view! {
                        <button data-testid=format!("gate-{}", g.name()) on:click=move |_| load(g)>
                            {g.name().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <p class="hint">
            "On the four corners, these weights compute: "
            <strong data-testid="acts-as">{acts_as}</strong>
        </p>
    }
}

/// One editable weight of the XOR builder.
fn weight_input(net: RwSignal<XorNetwork>, unit: usize, k: usize) -> impl IntoView {
    let get = move |n: &XorNetwork| {
        let p = [n.a, n.b, n.c, n.out][unit];
        [p.w[0], p.w[1], p.b][k]
    };
    let label = ["w₁", "w₂", "b"][k];
    let name = ["A", "B", "C", "out"][unit];
    view! {
        <input
            type="text"
            inputmode="decimal"
            class="weight"
            aria-label=format!("{name} {label}")
            data-testid=format!("xor-{name}-{k}")
            prop:value=move || net.with(|n| get(n).show())
            on:change=move |ev| {
                if let Some(v) = Decimal::parse(&event_target_value(&ev)) {
                    net.update(|n| {
                        let p = match unit {
                            0 => &mut n.a,
                            1 => &mut n.b,
                            2 => &mut n.c,
                            _ => &mut n.out,
                        };
                        match k {
                            0 | 1 => p.w[k] = v,
                            _ => p.b = v,
                        }
                    });
                } else {
                    net.update(|_| {});
                }
            }
        />
    }
}

/// The notes' XOR network: A = AND(x₁, x₂), B = OR(x₁, x₂), C = NOT(A), out = AND(C, B).
#[component]
pub fn XorBuilder() -> impl IntoView {
    let net = RwSignal::new(XorNetwork::default());
    let verdict = move || {
        if net.with(XorNetwork::is_xor) {
            "✓ This network computes XOR."
        } else {
            "✗ Not XOR yet."
        }
    };
    view! {
        <h2>"Build XOR"</h2>
        <p class="hint">
            "XOR = AND(NOT(AND(x₁, x₂)), OR(x₁, x₂)). Edit any weight: the table follows."
        </p>
        <XorWeights net=net />
        <XorTruthTable net=net />
        <p class="verdict" data-testid="xor-verdict">
            {verdict}
        </p>
    }
}

/// The four units' weights and biases, each editable.
#[component]
fn XorWeights(
    /// The network being built.
    net: RwSignal<XorNetwork>,
) -> impl IntoView {
    let units = [
        ("A", "x₁, x₂"),
        ("B", "x₁, x₂"),
        ("C", "A"),
        ("out", "C, B"),
    ];
    let rows = units
        .into_iter()
        .enumerate()
        .map(|(unit, (name, inputs))| {
            view! {
                <tr>
                    <th>{name}</th>
                    <td>{inputs}</td>
                    <td>{weight_input(net, unit, 0)}</td>
                    <td>{weight_input(net, unit, 1)}</td>
                    <td>{weight_input(net, unit, 2)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="xor-weights">
            <thead>
                <tr>
                    <th>"unit"</th>
                    <th>"inputs"</th>
                    <th>"w₁"</th>
                    <th>"w₂"</th>
                    <th>"b"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Every unit's output for the four corners, beside XOR's, wrong rows marked.
#[component]
fn XorTruthTable(
    /// The network being built.
    net: RwSignal<XorNetwork>,
) -> impl IntoView {
    let rows = move || {
        net.with(XorNetwork::truth_table)
            .into_iter()
            .map(|r| {
                let want = u8::from(r.x1 != r.x2);
                view! {
                    <tr class:wrong=r.out != want>
                        <td>{r.x1}</td>
                        <td>{r.x2}</td>
                        <td>{r.a}</td>
                        <td>{r.b}</td>
                        <td>{r.c}</td>
                        <td>
                            <strong>{r.out}</strong>
                        </td>
                        <td>{want}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="truth" data-testid="truth-table">
            <thead>
                <tr>
                    <th>"x₁"</th>
                    <th>"x₂"</th>
                    <th>"A"</th>
                    <th>"B"</th>
                    <th>"C"</th>
                    <th>"out"</th>
                    <th>"XOR"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
