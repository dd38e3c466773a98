//! A compiled kernel run natively, in a real WebAssembly engine (wasmi, validating, with
//! 128-bit SIMD), so the tests can compare it with the general kernels bit for bit.
use wasmi::{
    CompilationMode, Config, Engine, Linker, Memory, MemoryType, Module, Store, TypedFunc,
};

/// The kernel's seven i32 parameters ([`crate::core::jit::emit::PARAMS`]).
type Args = (i32, i32, i32, i32, i32, i32, i32);

/// One kernel module, instantiated with a memory of its own.
pub struct WasmKernel {
    store: Store<()>,
    memory: Memory,
    kernel: TypedFunc<Args, ()>,
}

/// Where the memory holds each argument, for `n_params` parameters, `values` f32 of training
/// rows and `lanes` row numbers.
struct Layout {
    params: usize,
    rows: usize,
    order: usize,
    scratch: usize,
    grads: usize,
    end: usize,
}

impl Layout {
    fn new(n_params: usize, values: usize, lanes: usize) -> Self {
        // Odd starts, so that nothing depends on alignment, and a gap of at least 16 bytes
        // after each buffer (filled with NaN, so a read past one would show in the sums).
        let params = 20;
        let rows = params + 4 * n_params + 20;
        let order = rows + 4 * values + 24;
        let scratch = order + 4 * lanes + 20;
        let grads = scratch + 16 * n_params + 28;
        let end = grads + 4 * n_params + 16;
        Layout {
            params,
            rows,
            order,
            scratch,
            grads,
            end,
        }
    }
}

impl WasmKernel {
    /// Validates, compiles and instantiates `module` (as [`crate::core::jit::module`] writes
    /// it). Panics if the engine refuses it.
    pub fn new(module: &[u8]) -> Self {
        let mut config = Config::default();
        // Every function validated and translated now; only the SIMD the browsers' baseline has.
        config
            .compilation_mode(CompilationMode::Eager)
            .wasm_simd(true)
            .wasm_relaxed_simd(false);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, module).expect("a valid module");
        let mut store = Store::new(&engine, ());
        let memory = Memory::new(&mut store, MemoryType::new(1, None)).expect("a memory");
        let mut linker = Linker::new(&engine);
        linker.define("env", "memory", memory).expect("env.memory");
        let instance = linker
            .instantiate_and_start(&mut store, &module)
            .expect("an instance");
        let kernel = instance
            .get_typed_func::<Args, ()>(&store, super::super::wasm::EXPORT)
            .expect("the kernel, seven i32 in, nothing out");
        WasmKernel {
            store,
            memory,
            kernel,
        }
    }

    /// Runs the kernel on f32 parameters, the training rows (as
    /// [`crate::core::mlp::FastRows`] lays them out) and the row numbers of each lane (`n`
    /// points, then padding); the gradient sums. Everything else, the scratch included, starts
    /// as NaN (the kernel must clear the scratch and read nothing else). Panics if it traps.
    pub fn run(&mut self, params: &[f32], rows: &[f32], order: &[u32], n: usize) -> Vec<f32> {
        let at = Layout::new(params.len(), rows.len(), order.len());
        let size = self.memory.data_size(&self.store);
        if size < at.end {
            let pages = (at.end - size).div_ceil(65_536) as u64;
            self.memory.grow(&mut self.store, pages).expect("memory");
        }
        let memory = self.memory.data_mut(&mut self.store);
        // 0xffffffff is a NaN.
        memory[..at.end].fill(0xff);
        put(memory, at.params, params.iter().map(|p| p.to_bits()));
        put(memory, at.rows, rows.iter().map(|v| v.to_bits()));
        put(memory, at.order, order.iter().copied());
        let blocks = order.len() / 4;
        let args = [
            at.params, at.rows, at.order, at.scratch, at.grads, blocks, n,
        ]
        .map(|a| i32::try_from(a).expect("an address in 32 bits"));
        let [a, b, c, d, e, f, g] = args;
        self.kernel
            .call(&mut self.store, (a, b, c, d, e, f, g))
            .expect("the kernel runs without trapping");
        get(self.memory.data(&self.store), at.grads, params.len())
    }
}

fn put(memory: &mut [u8], at: usize, words: impl IntoIterator<Item = u32>) {
    for (k, v) in words.into_iter().enumerate() {
        memory[at + 4 * k..at + 4 * k + 4].copy_from_slice(&v.to_le_bytes());
    }
}

fn get(memory: &[u8], at: usize, count: usize) -> Vec<f32> {
    (0..count)
        .map(|k| f32::from_le_bytes(memory[at + 4 * k..at + 4 * k + 4].try_into().unwrap()))
        .collect()
}
