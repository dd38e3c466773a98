//! Reading a check's text: tokens, then recursive descent (`or` → `and` → `not` →
//! comparison → sum → product → unary), with the nesting bounded by [`MAX_DEPTH`].
use super::{ArithOp, CmpOp, Cond, Expr, MAX_DEPTH};
use crate::core::lesson::quantity::Quantity;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Name(String),
    Sym(&'static str),
}

/// Parses a whole check, or says what is wrong with it.
pub(super) fn condition(text: &str) -> Result<Cond, String> {
    let toks = tokenize(text)?;
    if toks.is_empty() {
        return Err("the check is empty".into());
    }
    let mut p = Parser { toks, pos: 0 };
    let cond = p.or(0)?;
    match p.peek() {
        None => Ok(cond),
        Some(t) => Err(format!("unexpected '{}' in the check", show(t))),
    }
}

/// Two-character symbols first, so `>=` is not read as `>` then `=`.
const SYMBOLS: [(&str, &str); 17] = [
    (">=", ">="),
    ("<=", "<="),
    ("==", "="),
    ("!=", "!="),
    ("≥", ">="),
    ("≤", "<="),
    ("≠", "!="),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
    ("+", "+"),
    ("-", "-"),
    ("−", "-"),
    ("*", "*"),
    ("/", "/"),
    ("(", "("),
    (")", ")"),
];

fn tokenize(text: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut rest = text.trim_start();
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() || c == '.' {
            let end = number_end(rest);
            let number = &rest[..end];
            let v = number
                .parse::<f64>()
                .map_err(|_| format!("'{number}' is not a number"))?;
            toks.push(Tok::Num(v));
            rest = rest[end..].strip_prefix('%').unwrap_or(&rest[end..]);
        } else if c.is_ascii_alphabetic() || c == '_' {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            toks.push(Tok::Name(rest[..end].to_ascii_lowercase()));
            rest = &rest[end..];
        } else if let Some((text, sym)) = SYMBOLS.iter().find(|(s, _)| rest.starts_with(s)) {
            toks.push(Tok::Sym(sym));
            rest = &rest[text.len()..];
        } else {
            return Err(format!("'{c}' cannot be used in a check"));
        }
        rest = rest.trim_start();
    }
    Ok(toks)
}

/// The length of the number at the start of `text`: digits and dots, then an optional
/// exponent (`1e-4`).
fn number_end(text: &str) -> usize {
    let b = text.as_bytes();
    let digits = |from: usize| {
        (from..b.len())
            .find(|&i| !(b[i].is_ascii_digit() || b[i] == b'.'))
            .unwrap_or(b.len())
    };
    let end = digits(0);
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        if b.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
            return digits(end + 1 + sign);
        }
    }
    end
}

fn show(t: &Tok) -> String {
    match t {
        Tok::Num(v) => v.to_string(),
        Tok::Name(n) => n.clone(),
        Tok::Sym(s) => (*s).to_string(),
    }
}

/// Recursive descent over the tokens; `depth` bounds the recursion.
struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn eat_sym(&mut self, sym: &str) -> bool {
        let hit = matches!(self.peek(), Some(Tok::Sym(s)) if *s == sym);
        self.pos += usize::from(hit);
        hit
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let hit = matches!(self.peek(), Some(Tok::Name(n)) if n == word);
        self.pos += usize::from(hit);
        hit
    }

    fn deeper(depth: usize) -> Result<usize, String> {
        if depth >= MAX_DEPTH {
            Err("the check is nested too deeply".into())
        } else {
            Ok(depth + 1)
        }
    }

    fn or(&mut self, depth: usize) -> Result<Cond, String> {
        let mut parts = vec![self.and(depth)?];
        while self.eat_word("or") {
            parts.push(self.and(depth)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Cond::Or(parts)
        })
    }

    fn and(&mut self, depth: usize) -> Result<Cond, String> {
        let mut parts = vec![self.not(depth)?];
        while self.eat_word("and") {
            parts.push(self.not(depth)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Cond::And(parts)
        })
    }

    fn not(&mut self, depth: usize) -> Result<Cond, String> {
        if self.eat_word("not") {
            return Ok(Cond::Not(Box::new(self.not(Self::deeper(depth)?)?)));
        }
        self.comparison(depth)
    }

    fn comparison(&mut self, depth: usize) -> Result<Cond, String> {
        let left = self.sum(depth)?;
        let op = match self.peek() {
            Some(Tok::Sym(s)) => match *s {
                "<" => CmpOp::Lt,
                "<=" => CmpOp::Le,
                ">" => CmpOp::Gt,
                ">=" => CmpOp::Ge,
                "=" => CmpOp::Eq,
                "!=" => CmpOp::Ne,
                _ => return Ok(Cond::Truthy(left)),
            },
            _ => return Ok(Cond::Truthy(left)),
        };
        self.pos += 1;
        let right = self.sum(depth)?;
        Ok(Cond::Cmp(left, op, right))
    }

    fn sum(&mut self, depth: usize) -> Result<Expr, String> {
        let mut e = self.product(depth)?;
        loop {
            let op = if self.eat_sym("+") {
                ArithOp::Add
            } else if self.eat_sym("-") {
                ArithOp::Sub
            } else {
                return Ok(e);
            };
            e = Expr::Bin(op, Box::new(e), Box::new(self.product(depth)?));
        }
    }

    fn product(&mut self, depth: usize) -> Result<Expr, String> {
        let mut e = self.unary(depth)?;
        loop {
            let op = if self.eat_sym("*") {
                ArithOp::Mul
            } else if self.eat_sym("/") {
                ArithOp::Div
            } else {
                return Ok(e);
            };
            e = Expr::Bin(op, Box::new(e), Box::new(self.unary(depth)?));
        }
    }

    fn unary(&mut self, depth: usize) -> Result<Expr, String> {
        if self.eat_sym("-") {
            return Ok(Expr::Neg(Box::new(self.unary(Self::deeper(depth)?)?)));
        }
        if self.eat_sym("(") {
            let e = self.sum(Self::deeper(depth)?)?;
            return if self.eat_sym(")") {
                Ok(e)
            } else {
                Err("a '(' is not closed".into())
            };
        }
        let tok = self.peek().cloned();
        self.pos += 1;
        match tok {
            Some(Tok::Num(v)) => Ok(Expr::Num(v)),
            Some(Tok::Name(n)) if ["and", "or", "not"].contains(&n.as_str()) => {
                Err(format!("'{n}' needs a comparison before and after it"))
            }
            Some(Tok::Name(n)) => Quantity::from_name(&n).map(Expr::Var).ok_or_else(|| {
                format!(
                    "unknown quantity '{n}' (known: {})",
                    Quantity::ALL.map(Quantity::name).join(", ")
                )
            }),
            Some(t) => Err(format!(
                "expected a number or a quantity, found '{}'",
                show(&t)
            )),
            None => Err("the check ends too soon".into()),
        }
    }
}
