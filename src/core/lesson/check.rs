//! A card's check: a tiny expression language over named quantities ([`Quantity`]).
//!
//! ```text
//! test_accuracy >= 95% and epoch >= 50
//! epoch >= 300 and test_loss > train_loss + 0.1
//! misclassified = 0
//! diverged or train_loss > start_loss
//! not diverged and learning_rate >= 1
//! ```
//!
//! - Comparisons: `<`, `<=`, `>`, `>=`, `=` (or `==`), `!=` (also `≤`, `≥`, `≠`).
//! - Arithmetic on either side: `+`, `-`, `*`, `/` and parentheses.
//! - `and`, `or` (`and` binds tighter) and `not`.
//! - A quantity on its own is true when it is not 0 (`diverged`, `stopped`).
//! - A `%` after a number is allowed and ignored (accuracies are in percent).
//! - A quantity the app does not know yet (a test loss without test points) makes its
//!   comparison false.
//!
//! Parsing and evaluation never panic; nesting is limited to [`MAX_DEPTH`].
//!
//! Kept hand-written rather than built on an expression crate (`evalexpr`, `meval`): the
//! language is small and made for lesson authors (words like `and`, `%` after a number, an
//! unknown quantity making its comparison false), its error messages name the card's own
//! quantities, and a general evaluator would add a larger grammar and its code to the wasm.
use super::quantity::Quantity;

mod parse;
mod words;

/// The deepest nesting of parentheses, `not` and minus signs a check may use.
pub const MAX_DEPTH: usize = 24;

/// A parsed check, with the text it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    source: String,
    cond: Cond,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Debug, PartialEq)]
enum Expr {
    Num(f64),
    Var(Quantity),
    Neg(Box<Expr>),
    Bin(ArithOp, Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
enum Cond {
    Cmp(Expr, CmpOp, Expr),
    Truthy(Expr),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
}

impl Check {
    /// Parses a check. The error says what is wrong, in words for a teacher.
    pub fn parse(text: &str) -> Result<Check, String> {
        Ok(Check {
            source: text.trim().to_string(),
            cond: parse::condition(text)?,
        })
    }

    /// The text as the teacher wrote it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The check for a student to read: `test_accuracy >= 95%` → `test accuracy ≥ 95%`.
    pub fn describe(&self) -> String {
        self.source
            .replace(">=", "≥")
            .replace("<=", "≤")
            .replace("!=", "≠")
            .replace("==", "=")
            .replace('_', " ")
    }

    /// The check's goal as a sentence for the student: `restart > 0 and train_loss < 0.35`
    /// → "Train until the training loss is under 0.35, after at least one restart."
    pub fn goal(&self) -> String {
        words::sentence(&self.cond)
    }

    /// Every quantity the check reads, in order of first use.
    pub fn quantities(&self) -> Vec<Quantity> {
        let mut out = Vec::new();
        self.cond.visit(&mut |q| {
            if !out.contains(&q) {
                out.push(q);
            }
        });
        out
    }

    /// Whether the check holds for the values `value(q)` gives (`None`: not known).
    pub fn holds(&self, value: &dyn Fn(Quantity) -> Option<f64>) -> bool {
        self.cond.holds(value)
    }
}

impl Cond {
    fn holds(&self, value: &dyn Fn(Quantity) -> Option<f64>) -> bool {
        match self {
            Cond::Cmp(a, op, b) => match (a.eval(value), b.eval(value)) {
                (Some(a), Some(b)) => compare(a, *op, b),
                _ => false,
            },
            Cond::Truthy(e) => e.eval(value).is_some_and(|v| v != 0.0),
            Cond::Not(c) => !c.holds(value),
            Cond::And(cs) => cs.iter().all(|c| c.holds(value)),
            Cond::Or(cs) => cs.iter().any(|c| c.holds(value)),
        }
    }

    fn visit(&self, f: &mut dyn FnMut(Quantity)) {
        match self {
            Cond::Cmp(a, _, b) => {
                a.visit(f);
                b.visit(f);
            }
            Cond::Truthy(e) => e.visit(f),
            Cond::Not(c) => c.visit(f),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.visit(f)),
        }
    }
}

impl Expr {
    /// The value, or `None` when a quantity is unknown or the result is not a number.
    fn eval(&self, value: &dyn Fn(Quantity) -> Option<f64>) -> Option<f64> {
        let v = match self {
            Expr::Num(v) => *v,
            Expr::Var(q) => value(*q)?,
            Expr::Neg(e) => -e.eval(value)?,
            Expr::Bin(op, a, b) => {
                let (a, b) = (a.eval(value)?, b.eval(value)?);
                match op {
                    ArithOp::Add => a + b,
                    ArithOp::Sub => a - b,
                    ArithOp::Mul => a * b,
                    ArithOp::Div => a / b,
                }
            }
        };
        (!v.is_nan()).then_some(v)
    }

    fn visit(&self, f: &mut dyn FnMut(Quantity)) {
        match self {
            Expr::Num(_) => {}
            Expr::Var(q) => f(*q),
            Expr::Neg(e) => e.visit(f),
            Expr::Bin(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
        }
    }
}

/// `a op b`; equality allows for rounding (a relative 1e-9, so `0.1 + 0.2 = 0.3`).
fn compare(a: f64, op: CmpOp, b: f64) -> bool {
    let equal = (a - b).abs() <= 1e-9 * a.abs().max(b.abs());
    match op {
        CmpOp::Lt => a < b && !equal,
        CmpOp::Le => a <= b || equal,
        CmpOp::Gt => a > b && !equal,
        CmpOp::Ge => a >= b || equal,
        CmpOp::Eq => equal,
        CmpOp::Ne => !equal,
    }
}
