//! A reference interpreter for the instructions of [`super::wasm`], for the tests: it runs
//! what [`super::emit`] writes, natively, so the tests can compare it with the general
//! kernels bit for bit. Semantics as in the WebAssembly specification. It panics on an operand
//! or local of the wrong type, a branch out of every block, values left on the stack, or an
//! access outside `memory` (where a WebAssembly engine would refuse the module or trap); it
//! does not check everything a validator does (the browser end-to-end test compiles real
//! modules).
use super::wasm::{Function, Op, Type};

#[derive(Clone, Copy, Debug)]
enum Value {
    I32(i32),
    F32(f32),
    V128([u32; 4]),
}

impl Value {
    fn i32(self) -> i32 {
        match self {
            Value::I32(v) => v,
            other => panic!("expected i32, got {other:?}"),
        }
    }
    fn f32(self) -> f32 {
        match self {
            Value::F32(v) => v,
            other => panic!("expected f32, got {other:?}"),
        }
    }
    fn v128(self) -> [u32; 4] {
        match self {
            Value::V128(v) => v,
            other => panic!("expected v128, got {other:?}"),
        }
    }
}

fn lanes_f32(v: [u32; 4]) -> [f32; 4] {
    v.map(f32::from_bits)
}

fn from_f32(v: [f32; 4]) -> Value {
    Value::V128(v.map(f32::to_bits))
}

fn mask(b: bool) -> u32 {
    if b {
        u32::MAX
    } else {
        0
    }
}

/// Sets local `i` to `v`, which must have the local's type.
fn set_local(locals: &mut [Value], i: u32, v: Value) {
    let local = &mut locals[i as usize];
    assert_eq!(
        std::mem::discriminant(local),
        std::mem::discriminant(&v),
        "local {i} is {local:?}, set to {v:?}"
    );
    *local = v;
}

/// For each `block` or `loop`, the index of its `end`.
fn matching_ends(body: &[Op]) -> Vec<usize> {
    let mut ends = vec![usize::MAX; body.len()];
    let mut open = Vec::new();
    for (i, op) in body.iter().enumerate() {
        match op {
            Op::Block | Op::Loop => open.push(i),
            Op::End => ends[open.pop().expect("end without block")] = i,
            _ => {}
        }
    }
    ends
}

/// Takes the branch to label `depth`: leaves the labels inside it (and itself, for a block,
/// whose target is past its end) and returns where execution goes on.
fn branch(labels: &mut Vec<usize>, body: &[Op], depth: u32) -> usize {
    let target = labels.len() - 1 - depth as usize;
    let pc = labels[target];
    // A loop's target follows its `loop` op, and the loop stays entered.
    let keep = if matches!(body.get(pc.wrapping_sub(1)), Some(Op::Loop)) {
        target + 1
    } else {
        target
    };
    labels.truncate(keep);
    pc
}

fn word(memory: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(memory[at..at + 4].try_into().expect("4 bytes"))
}

/// Runs `f` with i32 arguments `args` over `memory`.
pub fn run(f: &Function, args: &[i32], memory: &mut [u8]) {
    assert_eq!(args.len(), f.params as usize, "argument count");
    let mut locals: Vec<Value> = args.iter().map(|&a| Value::I32(a)).collect();
    locals.extend(f.locals.iter().map(|ty| match ty {
        Type::I32 => Value::I32(0),
        Type::V128 => Value::V128([0; 4]),
    }));
    let ends = matching_ends(&f.body);
    let mut stack: Vec<Value> = Vec::new();
    // The enclosing blocks and loops: where a branch to each goes.
    let mut labels: Vec<usize> = Vec::new();
    let address = |base: Value, offset: u32| (base.i32() as u32 + offset) as usize;
    let mut pc = 0;
    while pc < f.body.len() {
        let op = f.body[pc];
        pc += 1;
        let mut pop = || stack.pop().expect("stack underflow");
        let result = match op {
            Op::LocalGet(i) => Some(locals[i as usize]),
            Op::LocalSet(i) => {
                set_local(&mut locals, i, pop());
                None
            }
            Op::LocalTee(i) => {
                let v = pop();
                set_local(&mut locals, i, v);
                Some(v)
            }
            Op::I32Const(v) => Some(Value::I32(v)),
            Op::I32Add | Op::I32Mul | Op::I32GtU | Op::I32GeU => {
                let (b, a) = (pop().i32(), pop().i32());
                let (ua, ub) = (a as u32, b as u32);
                Some(Value::I32(match op {
                    Op::I32Add => a.wrapping_add(b),
                    Op::I32Mul => a.wrapping_mul(b),
                    Op::I32GtU => i32::from(ua > ub),
                    _ => i32::from(ua >= ub),
                }))
            }
            // A block's branch target is just past its `end`; a loop's, just past `loop`.
            Op::Block => {
                labels.push(ends[pc - 1] + 1);
                None
            }
            Op::Loop => {
                labels.push(pc);
                None
            }
            Op::End => {
                labels.pop().expect("end without block");
                None
            }
            Op::Br(depth) => {
                pc = branch(&mut labels, &f.body, depth);
                None
            }
            Op::BrIf(depth) => {
                if pop().i32() != 0 {
                    pc = branch(&mut labels, &f.body, depth);
                }
                None
            }
            Op::V128Load(offset) => {
                let at = address(pop(), offset);
                let bytes = &memory[at..at + 16];
                Some(Value::V128(std::array::from_fn(|k| {
                    u32::from_le_bytes(bytes[4 * k..4 * k + 4].try_into().expect("4 bytes"))
                })))
            }
            Op::I32Load(offset) => {
                let at = address(pop(), offset);
                Some(Value::I32(word(memory, at) as i32))
            }
            Op::Load32Splat(offset) => {
                let at = address(pop(), offset);
                Some(Value::V128([word(memory, at); 4]))
            }
            Op::Load32Lane(offset, lane) => {
                let mut v = pop().v128();
                let at = address(pop(), offset);
                v[lane as usize] = word(memory, at);
                Some(Value::V128(v))
            }
            Op::V128Store(offset) => {
                let v = pop().v128();
                let at = address(pop(), offset);
                for (k, lane) in v.iter().enumerate() {
                    memory[at + 4 * k..at + 4 * k + 4].copy_from_slice(&lane.to_le_bytes());
                }
                None
            }
            Op::F32Store(offset) => {
                let v = pop().f32();
                let at = address(pop(), offset);
                memory[at..at + 4].copy_from_slice(&v.to_le_bytes());
                None
            }
            Op::V128Const(v) => Some(Value::V128(v)),
            Op::I8x16Shuffle(lanes) => {
                let (b, a) = (pop().v128(), pop().v128());
                let bytes: Vec<u8> = a.iter().chain(&b).flat_map(|w| w.to_le_bytes()).collect();
                let picked: Vec<u8> = lanes.iter().map(|&l| bytes[l as usize]).collect();
                Some(Value::V128(std::array::from_fn(|k| {
                    u32::from_le_bytes(picked[4 * k..4 * k + 4].try_into().expect("4 bytes"))
                })))
            }
            Op::I32x4Splat => Some(Value::V128([pop().i32() as u32; 4])),
            Op::F32x4ExtractLane(lane) => {
                Some(Value::F32(f32::from_bits(pop().v128()[lane as usize])))
            }
            Op::F32Add => {
                let (b, a) = (pop().f32(), pop().f32());
                Some(Value::F32(a + b))
            }
            Op::F32x4Neg => Some(from_f32(lanes_f32(pop().v128()).map(|v| -v))),
            Op::I32x4Shl => {
                let (by, a) = (pop().i32() as u32 % 32, pop().v128());
                Some(Value::V128(a.map(|v| v << by)))
            }
            Op::V128Bitselect => {
                let (c, b, a) = (pop().v128(), pop().v128(), pop().v128());
                Some(Value::V128(std::array::from_fn(|k| {
                    (a[k] & c[k]) | (b[k] & !c[k])
                })))
            }
            binary => {
                let (b, a) = (pop().v128(), pop().v128());
                let (fa, fb) = (lanes_f32(a), lanes_f32(b));
                let f = |g: fn(f32, f32) -> f32| from_f32(std::array::from_fn(|k| g(fa[k], fb[k])));
                let cmp = |g: fn(f32, f32) -> bool| {
                    Value::V128(std::array::from_fn(|k| mask(g(fa[k], fb[k]))))
                };
                let int =
                    |g: fn(u32, u32) -> u32| Value::V128(std::array::from_fn(|k| g(a[k], b[k])));
                Some(match binary {
                    Op::F32x4Add => f(|a, b| a + b),
                    Op::F32x4Sub => f(|a, b| a - b),
                    Op::F32x4Mul => f(|a, b| a * b),
                    Op::F32x4Div => f(|a, b| a / b),
                    Op::F32x4Pmin => f(|a, b| if b < a { b } else { a }),
                    Op::F32x4Pmax => f(|a, b| if a < b { b } else { a }),
                    Op::F32x4Eq => cmp(|a, b| a == b),
                    Op::F32x4Gt => cmp(|a, b| a > b),
                    Op::F32x4Ge => cmp(|a, b| a >= b),
                    Op::I32x4Add => int(u32::wrapping_add),
                    Op::I32x4Sub => int(u32::wrapping_sub),
                    Op::I32x4LtS => int(|a, b| mask((a as i32) < (b as i32))),
                    Op::V128And => int(|a, b| a & b),
                    other => unreachable!("{other:?} is handled above"),
                })
            }
        };
        if let Some(v) = result {
            stack.push(v);
        }
    }
    assert!(labels.is_empty(), "unclosed block");
    assert!(stack.is_empty(), "values left on the stack: {stack:?}");
}
