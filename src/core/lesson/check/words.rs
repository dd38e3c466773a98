//! A check in words, for the student: `restart > 0 and train_loss < 0.35` → "Train until the
//! training loss is under 0.35, after at least one restart." The expression stays the
//! machinery; this only reads it.
//!
//! A top-level `and` is sorted into the epochs to train (`epoch >= N`), the settings to use
//! (learning rate, batch size, optimizer, …) and what must happen (losses, accuracies, …).
use super::{ArithOp, CmpOp, Cond, Expr};
use crate::core::lesson::quantity::Quantity;

/// The goal of a check as a sentence (capitalised, with a full stop).
pub(super) fn sentence(cond: &Cond) -> String {
    let parts: Vec<&Cond> = match cond {
        Cond::And(cs) => cs.iter().collect(),
        c => vec![c],
    };
    let (mut epochs, mut settings, mut outcomes) = (None, Vec::new(), Vec::new());
    for part in parts {
        if let Some(n) = min_epochs(part) {
            epochs = Some(n);
        } else if let Some(s) = setting(part) {
            settings.push(s);
        } else {
            outcomes.push(clause(part));
        }
    }
    let settings = settings.join(" and ");
    let outcomes = outcomes.join(" and ");
    let with = |head: String| {
        if settings.is_empty() {
            head
        } else {
            format!("{head} {settings}")
        }
    };
    let text = match (epochs, outcomes.is_empty()) {
        (Some(n), true) => with(format!("Train for at least {}", epochs_text(n))),
        (Some(n), false) => {
            let head = with(format!("After at least {}", epochs_text(n)));
            format!("{head}, {outcomes}")
        }
        (None, true) => with("Train".to_string()),
        (None, false) => {
            let verb = if cond_reads(cond, Quantity::GradCheck) {
                "Check the gradients until"
            } else {
                "Train until"
            };
            if settings.is_empty() {
                format!("{verb} {outcomes}")
            } else {
                format!("{verb} {outcomes}, {settings}")
            }
        }
    };
    format!("{text}.")
}

/// `N` when `cond` is `epoch >= N` (or `epoch > N`).
fn min_epochs(cond: &Cond) -> Option<f64> {
    match cond {
        Cond::Cmp(Expr::Var(Quantity::Epoch), CmpOp::Ge, Expr::Num(n)) => Some(*n),
        Cond::Cmp(Expr::Var(Quantity::Epoch), CmpOp::Gt, Expr::Num(n)) => Some(n + 1.0),
        _ => None,
    }
}

fn epochs_text(n: f64) -> String {
    if n == 1.0 {
        "one epoch".into()
    } else {
        format!("{} epochs", number(n))
    }
}

/// A setting the student chooses, as a phrase after the goal: "with a batch size of 1".
fn setting(cond: &Cond) -> Option<String> {
    use Quantity as Q;
    match cond {
        Cond::Truthy(Expr::Var(q)) => Some(
            match q {
                Q::Adam => "with the Adam optimizer",
                Q::Momentum => "with momentum",
                Q::Standardize => "with standardized inputs",
                Q::NegativeSlope => "with leaky ReLU or ELU",
                Q::Restart => "after at least one restart",
                _ => return None,
            }
            .into(),
        ),
        Cond::Cmp(Expr::Var(Q::Restart), CmpOp::Gt | CmpOp::Ne, Expr::Num(n)) if *n == 0.0 => {
            Some("after at least one restart".into())
        }
        Cond::Cmp(Expr::Var(q), op, Expr::Num(n)) => {
            let value = format!("{}{}", number(*n), unit(*q));
            let name = match q {
                Q::Classes => return Some(format!("with {} {value} classes", bound(*op)?)),
                Q::LearningRate => "a learning rate",
                Q::BatchSize => "a batch size",
                Q::Dropout => "dropout",
                Q::RegularizationRate => "a regularization rate",
                Q::Epsilon => "ε",
                Q::SearchStep => "a search step",
                Q::Noise => "noise",
                Q::Patience => "a patience",
                _ => return None,
            };
            Some(format!("with {name} {} {value}", of(*op)))
        }
        _ => None,
    }
}

/// "at least" for `>=` (a count's bound), `None` where a count reads badly.
fn bound(op: CmpOp) -> Option<&'static str> {
    match op {
        CmpOp::Ge => Some("at least"),
        CmpOp::Le => Some("at most"),
        CmpOp::Gt => Some("more than"),
        CmpOp::Lt => Some("fewer than"),
        CmpOp::Eq => Some("exactly"),
        CmpOp::Ne => None,
    }
}

/// The comparison after a setting's name: "a learning rate under 0.05".
fn of(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "under",
        CmpOp::Le => "of at most",
        CmpOp::Gt => "over",
        CmpOp::Ge => "of at least",
        CmpOp::Eq => "of",
        CmpOp::Ne => "other than",
    }
}

/// The comparison after "is": "is under", "is at least".
fn is(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "is under",
        CmpOp::Le => "is at most",
        CmpOp::Gt => "is over",
        CmpOp::Ge => "is at least",
        CmpOp::Eq => "is",
        CmpOp::Ne => "is not",
    }
}

/// What must happen, as a clause: "the training loss is under 0.35".
fn clause(cond: &Cond) -> String {
    use Quantity as Q;
    match cond {
        Cond::Cmp(Expr::Var(Q::Misclassified), CmpOp::Eq, Expr::Num(n)) if *n == 0.0 => {
            "every point is on its right side".into()
        }
        Cond::Cmp(Expr::Var(Q::Misclassified), CmpOp::Gt, Expr::Num(n)) if *n == 0.0 => {
            "some points are still on the wrong side".into()
        }
        Cond::Cmp(Expr::Var(Q::Updates), CmpOp::Ge, Expr::Num(n)) if *n == 1.0 => {
            "the perceptron trick has moved the line at least once".into()
        }
        // `a > b + n`: "a is more than n above b".
        Cond::Cmp(a, op @ (CmpOp::Gt | CmpOp::Lt), Expr::Bin(ArithOp::Add, b, n))
            if matches!(**n, Expr::Num(_)) =>
        {
            let more = if *op == CmpOp::Gt { "more" } else { "less" };
            format!("{} is {more} than {} above {}", expr(a), expr(n), expr(b))
        }
        Cond::Cmp(a, op, b) => {
            let percent = [a, b].iter().any(|e| e.is_percent());
            let side = |e: &Expr| match e {
                Expr::Num(v) if percent => format!("{}%", number(*v)),
                e => expr(e),
            };
            format!("{} {} {}", side(a), is(*op), side(b))
        }
        Cond::Truthy(Expr::Var(q)) => flag(*q, true),
        Cond::Truthy(e) => format!("{} is not 0", expr(e)),
        Cond::Not(c) => match &**c {
            Cond::Truthy(Expr::Var(q)) => flag(*q, false),
            c => format!("it is not so that {}", clause(c)),
        },
        Cond::And(cs) => join(cs, " and "),
        Cond::Or(cs) => join(cs, " or "),
    }
}

fn join(cs: &[Cond], word: &str) -> String {
    cs.iter().map(clause).collect::<Vec<_>>().join(word)
}

/// A flag that is on (or off): "the training diverges".
fn flag(q: Quantity, on: bool) -> String {
    use Quantity as Q;
    let (yes, no) = match q {
        Q::Diverged => ("the training diverges", "the training does not diverge"),
        Q::Stopped => ("early stopping ends the training", "training goes on"),
        Q::Adam => ("the optimizer is Adam", "the optimizer is not Adam"),
        Q::Momentum => ("the optimizer is momentum", "the optimizer is not momentum"),
        Q::Standardize => (
            "the inputs are standardized",
            "the inputs are not standardized",
        ),
        Q::NegativeSlope => (
            "the activation is leaky ReLU or ELU",
            "the activation is neither leaky ReLU nor ELU",
        ),
        q => return format!("{} is {}", noun(q), if on { "not 0" } else { "0" }),
    };
    (if on { yes } else { no }).to_string()
}

/// An arithmetic expression in words: `start_loss / 2` → "half the starting loss".
fn expr(e: &Expr) -> String {
    match e {
        Expr::Num(v) => number(*v),
        Expr::Var(q) => noun(*q).to_string(),
        Expr::Neg(e) => format!("minus {}", expr(e)),
        Expr::Bin(ArithOp::Div, a, n) => match **n {
            Expr::Num(2.0) => format!("half {}", expr(a)),
            Expr::Num(10.0) => format!("a tenth of {}", expr(a)),
            Expr::Num(100.0) => format!("a hundredth of {}", expr(a)),
            _ => format!("{} divided by {}", expr(a), expr(n)),
        },
        Expr::Bin(op, a, b) => {
            let word = match op {
                ArithOp::Add => "plus",
                ArithOp::Sub => "minus",
                ArithOp::Mul => "times",
                ArithOp::Div => "divided by",
            };
            format!("{} {word} {}", expr(a), expr(b))
        }
    }
}

impl Expr {
    /// Whether this is a quantity measured in percent (its numbers get a `%`).
    fn is_percent(&self) -> bool {
        matches!(self, Expr::Var(q) if !unit(*q).is_empty())
    }
}

/// `%` for the quantities in percent, else nothing.
fn unit(q: Quantity) -> &'static str {
    use Quantity as Q;
    match q {
        Q::TrainAccuracy | Q::TestAccuracy | Q::Dropout | Q::Noise => "%",
        _ => "",
    }
}

/// A quantity as the lecture notes name it.
fn noun(q: Quantity) -> &'static str {
    use Quantity as Q;
    match q {
        Q::Epoch => "the number of epochs",
        Q::TrainLoss => "the training loss",
        Q::TestLoss => "the test loss",
        Q::StartLoss => "the starting loss",
        Q::TrainAccuracy => "the training accuracy",
        Q::TestAccuracy => "the test accuracy",
        Q::Misclassified => "the number of points on the wrong side",
        Q::Updates => "the number of perceptron-trick steps that moved the line",
        Q::Points => "the number of points",
        Q::TrainPoints => "the number of training points",
        Q::TestPoints => "the number of test points",
        Q::Classes => "the number of classes",
        Q::Diverged => "divergence",
        Q::Stopped => "early stopping",
        Q::BestEpoch => "the epoch with the lowest test loss",
        Q::StoppedEpoch => "the epoch where early stopping ended the training",
        Q::GradCheck => "the largest gap between backpropagation and the numerical gradient",
        Q::GradFirst => "the first layer's mean gradient",
        Q::GradLast => "the output layer's mean gradient",
        Q::LearningRate => "the learning rate",
        Q::BatchSize => "the batch size",
        Q::Epsilon => "ε",
        Q::SearchStep => "the search step",
        Q::HiddenLayers => "the number of hidden layers",
        Q::Neurons => "the number of hidden neurons",
        Q::Features => "the number of input features",
        Q::Standardize => "standardizing",
        Q::Noise => "the noise",
        Q::Dropout => "dropout",
        Q::RegularizationRate => "the regularization rate",
        Q::Momentum => "momentum",
        Q::Adam => "Adam",
        Q::Restart => "the restart",
        Q::Patience => "the patience",
        Q::NegativeSlope => "a slope for negative inputs",
        Q::ZeroWeights => "the number of weights at 0",
    }
}

/// A number as a person writes it: `0.35`, `1,000`, `1e-3` → `0.001`.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() >= 1000.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return if v < 0.0 { format!("−{out}") } else { out };
    }
    let text = format!("{v}");
    text.replace('-', "−")
}

/// Whether `cond` reads `q` anywhere.
fn cond_reads(cond: &Cond, q: Quantity) -> bool {
    let mut found = false;
    cond.visit(&mut |x| found |= x == q);
    found
}

#[cfg(test)]
mod tests;
