//! Training kernels written at run time for one network shape.
//!
//! The general kernels ([`crate::core::mlp`]) loop over any shape. For the small networks a
//! lecture uses, most of their time goes to the loops themselves. [`emit`] writes, for the
//! network at hand, one WebAssembly function that gathers a mini-batch's rows and runs its
//! forward pass, backpropagation and gradient sums, with every size and offset a constant and
//! every value in a register. It computes the same operations in the same order as the
//! general f32 path, so the results are the same bits: a run gives the same weights whether
//! or not, or from which batch on, a compiled kernel is used.
//!
//! This module stays pure: it only writes bytes. Whoever can compile them (the browser app,
//! through [`set_compiler`]) does so in the background and hands back a [`Kernel`] with
//! [`install`]. Until then, and wherever nothing is installed (natively, or for an output it
//! does not handle), the network uses the general kernels.
use crate::core::mlp::Mlp;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

pub mod emit;
mod rows;
pub mod wasm;

pub use rows::FastRows;

#[cfg(test)]
pub(crate) mod interp;
#[cfg(test)]
mod tests;

/// A compiled kernel, callable from Rust, with [`emit`]'s parameters: the f32 parameters, the
/// training rows, the batch's row numbers, scratch (one block per parameter), the gradient
/// sums, the number of blocks (at least 1) and the number of points. Unsafe to call: it reads
/// and writes wherever those addresses and numbers say ([`FastRows`] and the network's pass
/// call it with buffers that fit).
pub type Kernel =
    unsafe extern "C" fn(*const f32, *const f32, *const u32, *mut [f32; 4], *mut f32, u32, u32);

/// Starts compiling a kernel module; calls [`install`] with `key` once it is ready, or
/// [`failed`].
pub type Compiler = fn(key: String, module: Vec<u8>);

#[derive(Default)]
struct Registry {
    compiler: Option<Compiler>,
    kernels: HashMap<String, Kernel>,
    /// Shapes already handed to the compiler (or found too big to pay).
    asked: HashSet<String>,
    /// Shapes being compiled.
    pending: HashSet<String>,
    /// Bumped whenever a lookup could give a different answer.
    generation: u64,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::default();
}

/// Sets (or, with `None`, removes) what compiles kernels. Already compiled kernels stay.
pub fn set_compiler(compiler: Option<Compiler>) {
    REGISTRY.with_borrow_mut(|r| {
        r.compiler = compiler;
        r.generation += 1;
    });
}

/// Makes `kernel` the compiled kernel of the shape `key` (as [`key`] gives it).
pub fn install(key: String, kernel: Kernel) {
    REGISTRY.with_borrow_mut(|r| {
        r.pending.remove(&key);
        r.kernels.insert(key, kernel);
        r.generation += 1;
    });
}

/// Forgets every kernel and request, and the compiler (for tests that need a clean start).
#[cfg(test)]
pub(crate) fn reset() {
    REGISTRY.with_borrow_mut(|r| {
        let generation = r.generation + 1;
        *r = Registry {
            generation,
            ..Registry::default()
        };
    });
}

/// Records that the shape `key` could not be compiled: it keeps the general kernels.
pub fn failed(key: &str) {
    REGISTRY.with_borrow_mut(|r| r.pending.remove(key));
}

/// How many kernels are being compiled.
pub fn pending() -> usize {
    REGISTRY.with_borrow(|r| r.pending.len())
}

/// A number that changes whenever [`kernel_for`] may answer differently than before.
pub fn generation() -> u64 {
    REGISTRY.with_borrow(|r| r.generation)
}

/// The name of `net`'s shape with a `tile` of blocks: what its kernel depends on.
pub fn key(net: &Mlp, tile: usize) -> String {
    let layers: Vec<_> = net
        .layers()
        .iter()
        .map(|l| (l.fan_in, l.fan_out, l.activation))
        .collect();
    format!("{layers:?} {:?} tile {tile}", net.output())
}

/// The compiled kernel for `net`'s shape, working on `tile` blocks at once (see
/// [`emit::tile_for`]). If there is none yet and a compiler is set, asks it for one (once per
/// shape and tile), and answers `None` meanwhile (or the kernel, if it was compiled at once).
pub fn kernel_for(net: &Mlp, tile: usize) -> Option<Kernel> {
    let key = key(net, tile);
    let compiler = REGISTRY.with_borrow_mut(|r| {
        if let Some(&kernel) = r.kernels.get(&key) {
            return Err(Some(kernel));
        }
        match r.compiler {
            Some(compiler) if r.asked.insert(key.clone()) => Ok(compiler),
            _ => Err(None),
        }
    });
    let compiler = match compiler {
        Ok(compiler) => compiler,
        Err(found) => return found,
    };
    let function = emit::kernel(net, tile);
    if emit::pays(&function) {
        REGISTRY.with_borrow_mut(|r| r.pending.insert(key.clone()));
        // Called with the registry released: a compiler may install at once.
        compiler(key.clone(), wasm::module(&function));
    }
    REGISTRY.with_borrow(|r| r.kernels.get(&key).copied())
}
