//! Perceptrons as logic gates, and XOR built from them as the notes build it:
//! `XOR(x₁, x₂) = AND(NOT(AND(x₁, x₂)), OR(x₁, x₂))`.
use crate::core::dataset::Point;
use crate::core::perceptron::Perceptron;

/// The gates the presets offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gate {
    And,
    Or,
    /// NOT of x₁ (x₂ is ignored).
    Not,
    Nand,
    Xor,
}

impl Gate {
    /// Every gate, in UI order.
    pub const ALL: [Gate; 5] = [Gate::And, Gate::Or, Gate::Not, Gate::Nand, Gate::Xor];

    /// The link name.
    pub fn name(self) -> &'static str {
        match self {
            Gate::And => "and",
            Gate::Or => "or",
            Gate::Not => "not",
            Gate::Nand => "nand",
            Gate::Xor => "xor",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|g| g.name().eq_ignore_ascii_case(name))
    }

    /// The gate's output for two bits.
    pub fn eval(self, x1: bool, x2: bool) -> bool {
        match self {
            Gate::And => x1 && x2,
            Gate::Or => x1 || x2,
            Gate::Not => !x1,
            Gate::Nand => !(x1 && x2),
            Gate::Xor => x1 != x2,
        }
    }

    /// The four corner points (0,0), (0,1), (1,0), (1,1), labelled by the gate.
    pub fn points(self) -> Vec<Point> {
        [(0, 0), (0, 1), (1, 0), (1, 1)]
            .into_iter()
            .map(|(a, b)| {
                Point::new(
                    f64::from(a),
                    f64::from(b),
                    f64::from(u8::from(self.eval(a == 1, b == 1))),
                )
            })
            .collect()
    }

    /// A perceptron that computes the gate (`w₁, w₂, b`), or `None` for XOR, which no single
    /// line can separate.
    pub fn perceptron(self) -> Option<Perceptron> {
        let (w1, w2, b) = match self {
            Gate::And => (1.0, 1.0, -1.5),
            Gate::Or => (1.0, 1.0, -0.5),
            Gate::Not => (-1.0, 0.0, 0.5),
            Gate::Nand => (-1.0, -1.0, 1.5),
            Gate::Xor => return None,
        };
        Some(Perceptron::new(w1, w2, b, 0.1))
    }
}

/// The two-layer XOR network of the notes, from editable perceptrons:
/// A = AND(x₁, x₂), B = OR(x₁, x₂), C = NOT(A), out = AND(C, B).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XorNetwork {
    pub a: Perceptron,
    pub b: Perceptron,
    pub c: Perceptron,
    pub out: Perceptron,
}

/// One row of the live truth table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TruthRow {
    pub x1: u8,
    pub x2: u8,
    pub a: u8,
    pub b: u8,
    pub c: u8,
    pub out: u8,
}

impl Default for XorNetwork {
    fn default() -> Self {
        let gate = |g: Gate| {
            g.perceptron()
                .unwrap_or(Perceptron::new(0.0, 0.0, 0.0, 0.1))
        };
        XorNetwork {
            a: gate(Gate::And),
            b: gate(Gate::Or),
            c: gate(Gate::Not),
            out: gate(Gate::And),
        }
    }
}

impl XorNetwork {
    /// The network's truth table with every intermediate output, for the current weights.
    pub fn truth_table(&self) -> [TruthRow; 4] {
        let fire = |p: &Perceptron, x1: u8, x2: u8| {
            p.predict(&Point::new(f64::from(x1), f64::from(x2), 0.0))
        };
        [(0, 0), (0, 1), (1, 0), (1, 1)].map(|(x1, x2)| {
            let a = fire(&self.a, x1, x2);
            let b = fire(&self.b, x1, x2);
            let c = fire(&self.c, a, 0);
            TruthRow {
                x1,
                x2,
                a,
                b,
                c,
                out: fire(&self.out, c, b),
            }
        })
    }

    /// Whether the network computes XOR.
    pub fn is_xor(&self) -> bool {
        self.truth_table()
            .iter()
            .all(|r| (r.out == 1) == Gate::Xor.eval(r.x1 == 1, r.x2 == 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_perceptron_computes_its_gate() {
        for gate in [Gate::And, Gate::Or, Gate::Not, Gate::Nand] {
            let p = gate.perceptron().unwrap();
            assert!(p.misclassified(&gate.points()).is_empty(), "{gate:?}");
            assert_eq!(Gate::from_name(gate.name()), Some(gate));
        }
    }

    #[test]
    fn the_trick_learns_and_or_but_never_xor() {
        for gate in [Gate::And, Gate::Or, Gate::Nand, Gate::Not] {
            let mut p = Perceptron::new(0.0, 0.0, 0.0, 0.1);
            let (_, converged) = p.train(&gate.points(), 1000);
            assert!(converged, "{gate:?}");
        }
        let mut p = Perceptron::new(0.0, 0.0, 0.0, 0.1);
        let (epochs, converged) = p.train(&Gate::Xor.points(), 1000);
        assert!(!converged && epochs == 1000, "no line separates XOR");
    }

    #[test]
    fn the_notes_network_is_xor_and_its_table_matches_the_notes() {
        let net = XorNetwork::default();
        assert!(net.is_xor());
        // The notes' table for A = AND, B = OR: rows (1,1) and (1,0).
        let t = net.truth_table();
        assert_eq!(
            t[3],
            TruthRow {
                x1: 1,
                x2: 1,
                a: 1,
                b: 1,
                c: 0,
                out: 0
            }
        );
        assert_eq!(
            t[2],
            TruthRow {
                x1: 1,
                x2: 0,
                a: 0,
                b: 1,
                c: 1,
                out: 1
            }
        );
        // Swapping A and B (the notes' first guess) does not give XOR.
        let swapped = XorNetwork {
            a: net.b,
            b: net.a,
            ..net
        };
        assert!(!swapped.is_xor());
    }
}
