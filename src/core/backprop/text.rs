//! The step-by-step table as formulas with their numbers, in the notes' notation: layer l's
//! weights W⁽ˡ⁾, its units' sums z⁽ˡ⁾ⱼ and activations a⁽ˡ⁾ⱼ, the output ŷ, the error E and
//! each unit's δ. Numbers have three decimals; a negative factor is bracketed.
use super::{BackpropTable, UnitStep, WeightStep};
use crate::core::activation::Activation;
use crate::core::loss::Output;
use crate::core::number_text::fixed;

/// `n` in subscript digits: 12 → `₁₂`.
pub fn subscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// `n` in superscript brackets: 2 → `⁽²⁾`.
fn layer_mark(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = n
        .to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
        .collect();
    format!("⁽{digits}⁾")
}

/// A number as written in the formulas.
fn num(v: f64) -> String {
    fixed(v, 3)
}

/// A number as a factor in a product: bracketed when negative.
fn factor(v: f64) -> String {
    let text = num(v);
    if text.starts_with('-') {
        format!("({text})")
    } else {
        text
    }
}

/// The activation's name in a formula (`σ`, `tanh`, …); empty for linear units.
fn symbol(activation: Activation) -> &'static str {
    match activation {
        Activation::Linear => "",
        Activation::Sigmoid => "σ",
        Activation::Tanh => "tanh",
        Activation::Relu => "ReLU",
        Activation::LeakyRelu => "leakyReLU",
        Activation::Elu => "ELU",
        Activation::Step => "step",
    }
}

impl BackpropTable {
    /// Whether this is one neuron on the binary cross-entropy: the notes' logistic regression,
    /// whose gradient is −(y − ŷ)(x₁, …, xₙ, 1).
    pub fn is_one_neuron(&self) -> bool {
        self.sizes.len() == 2 && self.output == Output::Binary
    }

    /// What the output unit `unit` is called: `ŷ` (one output) or `ŷⱼ` (softmax).
    fn output_name(&self, unit: usize) -> String {
        if self.output.units() == 1 {
            "ŷ".to_string()
        } else {
            format!("ŷ{}", subscript(unit + 1))
        }
    }

    /// What unit `unit` of layer `layer` is called: input `xᵢ` (layer 0), `a⁽ˡ⁾ⱼ`, or the
    /// output's name.
    pub fn unit_name(&self, layer: usize, unit: usize) -> String {
        if layer == 0 {
            format!("x{}", subscript(unit + 1))
        } else if layer == self.output_layer() {
            self.output_name(unit)
        } else {
            format!("a{}{}", layer_mark(layer), subscript(unit + 1))
        }
    }

    /// The name of a weight (`w⁽ˡ⁾ⱼᵢ`, or `wᵢ` for one neuron) or bias (`b⁽ˡ⁾ⱼ`, or `b`).
    pub fn weight_name(&self, w: &WeightStep) -> String {
        let one = self.sizes.len() == 2 && self.output.units() == 1;
        match (w.from, one) {
            (Some(i), true) => format!("w{}", subscript(i + 1)),
            (None, true) => "b".to_string(),
            (Some(i), false) => format!(
                "w{}{}{}",
                layer_mark(w.layer),
                subscript(w.to + 1),
                subscript(i + 1)
            ),
            (None, false) => format!("b{}{}", layer_mark(w.layer), subscript(w.to + 1)),
        }
    }

    /// The sum: `z⁽ˡ⁾ⱼ = w·a + … + b = 0.500·1.000 + (-0.300)·2.000 + 0.100 = -0.000`.
    pub fn z_text(&self, u: &UnitStep) -> String {
        let terms: Vec<String> = self
            .weights_into(u.layer, u.unit)
            .map(|w| match w.from {
                Some(_) => format!("{}·{}", factor(w.w), factor(w.a_in)),
                None => factor(w.w),
            })
            .collect();
        let name = if self.sizes.len() == 2 && self.output.units() == 1 {
            "z".to_string()
        } else {
            format!("z{}{}", layer_mark(u.layer), subscript(u.unit + 1))
        };
        format!("{name} = {} = {}", terms.join(" + "), num(u.z))
    }

    /// The activation: `a⁽ˡ⁾ⱼ = tanh(z) = tanh(0.100) = 0.100`, `ŷ = σ(z) = …`, or softmax.
    pub fn a_text(&self, u: &UnitStep) -> String {
        let name = self.unit_name(u.layer, u.unit);
        if matches!(self.output, Output::Softmax(_)) && u.layer == self.output_layer() {
            return format!(
                "{name} = e^z{k} / Σ e^z = {}",
                num(u.a),
                k = subscript(u.unit + 1)
            );
        }
        match symbol(u.activation) {
            "" => format!("{name} = z = {}", num(u.a)),
            f => format!("{name} = {f}(z) = {f}({}) = {}", num(u.z), num(u.a)),
        }
    }

    /// The error of this point, formula and numbers.
    pub fn error_text(&self) -> String {
        let (y, e) = (self.target, num(self.loss));
        let first = self.units.iter().find(|u| u.layer == self.output_layer());
        let p = first.map_or(0.0, |u| u.a);
        match self.output {
            Output::Binary => format!(
                "E = −[y ln ŷ + (1 − y) ln(1 − ŷ)] = −[{}·ln {} + {}·ln {}] = {e}",
                num(y),
                num(p),
                num(1.0 - y),
                num(1.0 - p)
            ),
            Output::Softmax(k) => {
                let class = crate::core::loss::class_of(y, k);
                let p = self.unit(self.output_layer(), class).map_or(0.0, |u| u.a);
                format!("E = −ln ŷ of the true class {class} = −ln {} = {e}", num(p))
            }
            Output::Regression => {
                format!("E = (ŷ − y)² = ({} − {})² = {e}", num(p), factor(y))
            }
            Output::TfTanh | Output::TfLinear => {
                format!("E = ½(ŷ − y)² = ½({} − {})² = {e}", num(p), factor(y))
            }
        }
    }

    /// δ = ∂E/∂z of a unit: from the loss for output units, by the chain rule for hidden ones
    /// (`δ = f'(z)·Σₖ wₖⱼ δₖ`, with the next layer's weights and δ).
    pub fn delta_text(&self, u: &UnitStep) -> String {
        let name = format!("δ{}{}", layer_mark(u.layer), subscript(u.unit + 1));
        let d = num(u.delta);
        let Some(slope) = u.slope else {
            let (a, y) = (num(u.a), factor(self.target));
            return match self.output {
                Output::Binary | Output::TfLinear => format!("{name} = ŷ − y = {a} − {y} = {d}"),
                Output::Softmax(k) => {
                    let hot = crate::core::loss::class_of(self.target, k) == u.unit;
                    let t = if hot { "1" } else { "0" };
                    format!("{name} = ŷ{} − yₖ = {a} − {t} = {d}", subscript(u.unit + 1))
                }
                Output::Regression => format!("{name} = 2(ŷ − y) = 2·({a} − {y}) = {d}"),
                Output::TfTanh => format!(
                    "{name} = (ŷ − y)(1 − ŷ²) = ({a} − {y})·{} = {d}",
                    num(1.0 - u.a * u.a)
                ),
            };
        };
        let next: Vec<String> = self
            .weights
            .iter()
            .filter(|w| w.layer == u.layer + 1 && w.from == Some(u.unit))
            .map(|w| format!("{}·{}", factor(w.w), factor(w.delta)))
            .collect();
        let f = match symbol(u.activation) {
            "" => "1".to_string(),
            f => format!("{f}'(z)"),
        };
        format!(
            "{name} = {f}·Σₖ wₖ δₖ = {}·({}) = {d}",
            factor(slope),
            next.join(" + ")
        )
    }

    /// ∂E/∂w = δ·a for a weight (δ·1 for a bias), as the product and its value; for one
    /// neuron on the cross-entropy, in the notes' form −(y − ŷ)·xᵢ.
    pub fn grad_text(&self, w: &WeightStep) -> String {
        let name = self.weight_name(w);
        let input = match w.from {
            Some(i) => self.unit_name(w.layer - 1, i),
            None => "1".to_string(),
        };
        // Six decimals, as the numerical derivative beside it.
        let g = fixed(w.grad, 6);
        if self.is_one_neuron() {
            let p = self.units.first().map_or(0.0, |u| u.a);
            return format!(
                "∂E/∂{name} = −(y − ŷ)·{input} = −({} − {})·{} = {g}",
                num(self.target),
                num(p),
                factor(w.a_in)
            );
        }
        let delta = format!("δ{}{}", layer_mark(w.layer), subscript(w.to + 1));
        format!(
            "∂E/∂{name} = {delta}·{input} = {}·{} = {g}",
            factor(w.delta),
            factor(w.a_in)
        )
    }
}
