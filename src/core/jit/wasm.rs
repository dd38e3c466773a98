//! The few WebAssembly instructions the kernels are made of, and the binary encoding of a
//! module holding one function that works on the memory it imports (`env.memory`).
//! Opcodes and layout follow the WebAssembly core specification (version 2, with 128-bit SIMD).
//!
//! It is written by hand rather than taken from an encoder crate: it is small (some forty
//! instructions and five sections; the whole kernel writer is about 2 % of the app's code, as
//! measured in the README), its output is tested byte for byte here and run through a
//! validating engine in the tests, and it adds no dependency to the app's own WebAssembly.

/// A value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    I32,
    V128,
}

impl Type {
    fn code(self) -> u8 {
        match self {
            Type::I32 => 0x7f,
            Type::V128 => 0x7b,
        }
    }
}

/// One instruction. Memory offsets are in bytes, added to the address on the stack.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    LocalGet(u32),
    LocalSet(u32),
    LocalTee(u32),
    I32Const(i32),
    I32Add,
    I32Mul,
    I32GtU,
    I32GeU,
    /// A block with no result; a branch to it jumps to its end.
    Block,
    /// A loop with no result; a branch to it jumps back to its start.
    Loop,
    End,
    Br(u32),
    BrIf(u32),
    V128Load(u32),
    V128Store(u32),
    I32Load(u32),
    /// Loads one f32 (or i32) and copies it into the four lanes.
    Load32Splat(u32),
    /// Loads one f32 (or i32) into lane `.1` of the vector on the stack (above the address).
    Load32Lane(u32, u8),
    F32Store(u32),
    V128Const([u32; 4]),
    /// Bytes of the two vectors on the stack (0–15 the first, 16–31 the second), picked into
    /// one.
    I8x16Shuffle([u8; 16]),
    I32x4Splat,
    F32x4ExtractLane(u8),
    F32Add,
    F32x4Add,
    F32x4Sub,
    F32x4Mul,
    F32x4Div,
    F32x4Neg,
    F32x4Eq,
    F32x4Gt,
    F32x4Ge,
    /// `b < a ? b : a` per lane (not IEEE min: NaN in `a` stays).
    F32x4Pmin,
    /// `a < b ? b : a` per lane.
    F32x4Pmax,
    I32x4Add,
    I32x4Sub,
    I32x4Shl,
    I32x4LtS,
    V128And,
    /// `(a & c) | (b & !c)`.
    V128Bitselect,
}

/// An instruction's opcode: one byte, or the SIMD prefix and a number.
enum Opcode {
    Core(u8),
    Simd(u32),
}

impl Op {
    /// The instruction's encoding appended to `out`: its opcode, then its immediates.
    fn encode(self, out: &mut Vec<u8>) {
        match self.opcode() {
            Opcode::Core(code) => out.push(code),
            Opcode::Simd(code) => {
                out.push(0xfd);
                uleb(out, code);
            }
        }
        self.immediates(out);
    }

    fn opcode(self) -> Opcode {
        use Opcode::{Core, Simd};
        match self {
            Op::LocalGet(_) => Core(0x20),
            Op::LocalSet(_) => Core(0x21),
            Op::LocalTee(_) => Core(0x22),
            Op::I32Const(_) => Core(0x41),
            Op::I32Add => Core(0x6a),
            Op::I32Mul => Core(0x6c),
            Op::I32GtU => Core(0x4b),
            Op::I32GeU => Core(0x4f),
            Op::Block => Core(0x02),
            Op::Loop => Core(0x03),
            Op::End => Core(0x0b),
            Op::Br(_) => Core(0x0c),
            Op::BrIf(_) => Core(0x0d),
            Op::I32Load(_) => Core(0x28),
            Op::F32Store(_) => Core(0x38),
            Op::F32Add => Core(0x92),
            Op::V128Load(_) => Simd(0x00),
            Op::Load32Splat(_) => Simd(0x09),
            Op::V128Store(_) => Simd(0x0b),
            Op::V128Const(_) => Simd(0x0c),
            Op::I8x16Shuffle(_) => Simd(0x0d),
            Op::I32x4Splat => Simd(0x11),
            Op::F32x4ExtractLane(_) => Simd(0x1f),
            Op::I32x4LtS => Simd(0x39),
            Op::F32x4Eq => Simd(0x41),
            Op::F32x4Gt => Simd(0x44),
            Op::F32x4Ge => Simd(0x46),
            Op::V128And => Simd(0x4e),
            Op::V128Bitselect => Simd(0x52),
            Op::Load32Lane(..) => Simd(0x56),
            Op::I32x4Shl => Simd(0xab),
            Op::I32x4Add => Simd(0xae),
            Op::I32x4Sub => Simd(0xb1),
            Op::F32x4Neg => Simd(0xe1),
            Op::F32x4Add => Simd(0xe4),
            Op::F32x4Sub => Simd(0xe5),
            Op::F32x4Mul => Simd(0xe6),
            Op::F32x4Div => Simd(0xe7),
            Op::F32x4Pmin => Simd(0xea),
            Op::F32x4Pmax => Simd(0xeb),
        }
    }

    /// The instruction's immediates (indices, constants, memory arguments, lanes), if any.
    fn immediates(self, out: &mut Vec<u8>) {
        // Alignment hints (log2 bytes), then the offset.
        let memarg = |out: &mut Vec<u8>, align: u32, offset: u32| {
            uleb(out, align);
            uleb(out, offset);
        };
        match self {
            Op::LocalGet(i) | Op::LocalSet(i) | Op::LocalTee(i) | Op::Br(i) | Op::BrIf(i) => {
                uleb(out, i)
            }
            Op::I32Const(v) => sleb(out, v),
            // The empty block type: no result.
            Op::Block | Op::Loop => out.push(0x40),
            Op::V128Load(offset) | Op::V128Store(offset) => memarg(out, 4, offset),
            Op::I32Load(offset) | Op::Load32Splat(offset) | Op::F32Store(offset) => {
                memarg(out, 2, offset)
            }
            Op::Load32Lane(offset, lane) => {
                memarg(out, 2, offset);
                out.push(lane);
            }
            Op::V128Const(lanes) => {
                for lane in lanes {
                    out.extend(lane.to_le_bytes());
                }
            }
            Op::I8x16Shuffle(lanes) => out.extend(lanes),
            Op::F32x4ExtractLane(lane) => out.push(lane),
            _ => {}
        }
    }
}

/// A function: `params` i32 parameters, then its other locals, and its body (without the
/// final `end`). It returns nothing.
#[derive(Clone, Debug, Default)]
pub struct Function {
    pub params: u32,
    /// The types of the locals after the parameters, in index order.
    pub locals: Vec<Type>,
    pub body: Vec<Op>,
}

impl Function {
    /// A new local of type `ty`; its index.
    pub fn local(&mut self, ty: Type) -> u32 {
        self.locals.push(ty);
        self.params + self.locals.len() as u32 - 1
    }

    /// Appends instructions to the body.
    pub fn ops(&mut self, ops: impl IntoIterator<Item = Op>) {
        self.body.extend(ops);
    }
}

/// The name the module exports its function under.
pub const EXPORT: &str = "kernel";

/// A whole module: imports `env.memory`, exports `f` as [`EXPORT`].
pub fn module(f: &Function) -> Vec<u8> {
    let mut out = b"\0asm".to_vec();
    out.extend(1u32.to_le_bytes());
    // Type section: one function type, (i32 × params) → ().
    let mut types = vec![1, 0x60];
    uleb(&mut types, f.params);
    types.extend(std::iter::repeat_n(Type::I32.code(), f.params as usize));
    types.push(0);
    section(&mut out, 1, &types);
    // Import section: env.memory, a memory of at least 0 pages with no maximum.
    let mut imports = vec![1];
    name(&mut imports, "env");
    name(&mut imports, "memory");
    imports.extend([0x02, 0x00, 0x00]);
    section(&mut out, 2, &imports);
    // Function section: one function of type 0.
    section(&mut out, 3, &[1, 0]);
    // Export section.
    let mut exports = vec![1];
    name(&mut exports, EXPORT);
    exports.extend([0x00, 0x00]);
    section(&mut out, 7, &exports);
    // Code section: the locals as runs of one type, then the body.
    let mut body = Vec::new();
    let runs = runs(&f.locals);
    uleb(&mut body, runs.len() as u32);
    for (count, ty) in runs {
        uleb(&mut body, count);
        body.push(ty.code());
    }
    for op in &f.body {
        op.encode(&mut body);
    }
    body.push(0x0b);
    let mut code = vec![1];
    uleb(&mut code, body.len() as u32);
    code.extend(body);
    section(&mut out, 10, &code);
    out
}

/// Consecutive locals of the same type, as (count, type).
fn runs(locals: &[Type]) -> Vec<(u32, Type)> {
    let mut runs: Vec<(u32, Type)> = Vec::new();
    for &ty in locals {
        match runs.last_mut() {
            Some((count, last)) if *last == ty => *count += 1,
            _ => runs.push((1, ty)),
        }
    }
    runs
}

fn section(out: &mut Vec<u8>, id: u8, content: &[u8]) {
    out.push(id);
    uleb(out, content.len() as u32);
    out.extend(content);
}

fn name(out: &mut Vec<u8>, s: &str) {
    uleb(out, s.len() as u32);
    out.extend(s.as_bytes());
}

/// Unsigned LEB128.
fn uleb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Signed LEB128.
fn sleb(out: &mut Vec<u8>, mut v: i32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        let done = (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests;
