//! The browser's side of [`crate::core::jit`]: the page's compiled kernels, by shape. It
//! compiles a shape's kernel module in the background (`WebAssembly.instantiate`, sharing this
//! module's memory), puts its function in this module's function table, and hands the trainer
//! a function pointer to it ([`Compiler::supply`]). Off with `?nojit` in the address, in the
//! build without SIMD (the kernels are written in SIMD instructions, and that build runs in
//! browsers without them), and without the `jit` feature (the general kernels then do all the
//! work, with the same results).
#[cfg(feature = "jit")]
pub use compiled::Compiler;
#[cfg(not(feature = "jit"))]
pub use general::Compiler;

#[cfg(feature = "jit")]
mod compiled {
    use crate::core::jit::{self, Shape};
    use crate::core::mlp::CompiledKernel;
    use crate::core::trainer::{Kernels, Trainer};
    use leptos::prelude::*;
    use std::collections::HashMap;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::js_sys::{Function, Object, Reflect, WebAssembly};

    /// A shape's kernel, as far as it got.
    #[derive(Clone, Copy)]
    enum Entry {
        Compiling,
        Ready(CompiledKernel),
        /// Not compiled: it would not pay, or the browser failed to.
        None,
    }

    /// The page's kernels; `Copy`, so a frame and a compilation's callback can both hold it.
    #[derive(Clone, Copy)]
    pub struct Compiler {
        /// `None` with `?nojit` and in the build without SIMD.
        kernels: Option<StoredValue<HashMap<Shape, Entry>>>,
    }

    impl Compiler {
        /// The page's compiler, off if the address's `search` asks for `nojit` or this is the
        /// build without SIMD.
        pub fn new(search: &str) -> Self {
            let on = cfg!(target_feature = "simd128") && !search.contains("nojit");
            Compiler {
                kernels: on.then(|| StoredValue::new(HashMap::new())),
            }
        }

        /// Hands `trainer` the compiled kernel of the shape it wants, if it is ready; starts
        /// compiling it if it was not asked for yet. Called before training, so a kernel that
        /// became ready in between is used from the next epoch on.
        pub fn supply(self, trainer: &mut Trainer) {
            let (Some(kernels), Some(shape)) = (self.kernels, trainer.kernel_shape()) else {
                return;
            };
            if trainer.uses_compiled_kernel() {
                return;
            }
            match kernels.with_value(|k| k.get(&shape).copied()) {
                Some(Entry::Ready(kernel)) => trainer.set_kernels(Kernels::compiled(shape, kernel)),
                Some(Entry::Compiling | Entry::None) => {}
                None => self.compile(kernels, shape),
            }
        }

        /// How many kernels are being compiled.
        pub fn pending(self) -> usize {
            self.kernels.map_or(0, |k| {
                k.with_value(|k| k.values().filter(|e| matches!(e, Entry::Compiling)).count())
            })
        }

        /// Starts compiling `shape`'s kernel, if one would pay.
        fn compile(self, kernels: StoredValue<HashMap<Shape, Entry>>, shape: Shape) {
            let Some(module) = jit::module(&shape) else {
                kernels.update_value(|k| {
                    k.insert(shape, Entry::None);
                });
                return;
            };
            kernels.update_value(|k| {
                k.insert(shape.clone(), Entry::Compiling);
            });
            let promise = match imports() {
                Ok(imports) => WebAssembly::instantiate_buffer(&module, &imports),
                Err(e) => return give_up(kernels, shape, &e),
            };
            let failed = shape.clone();
            let on_ready = Closure::once(move |result: JsValue| match install(&result) {
                Ok(kernel) => {
                    kernels.try_update_value(|k| k.insert(shape, Entry::Ready(kernel)));
                    count_installed();
                }
                Err(e) => give_up(kernels, shape, &e),
            });
            let on_error = Closure::once(move |e: JsValue| give_up(kernels, failed, &e));
            let _ = promise.then2(&on_ready, &on_error);
            // Each runs at most once, for a shape compiled once: leaking the pair is a few bytes.
            on_ready.forget();
            on_error.forget();
        }
    }

    /// The kernel module's imports: this module's memory, as `env.memory`.
    fn imports() -> Result<Object, JsValue> {
        let imports = Object::new();
        let env = Object::new();
        Reflect::set(&env, &"memory".into(), &wasm_bindgen::memory())?;
        Reflect::set(&imports, &"env".into(), &env)?;
        Ok(imports)
    }

    /// Puts the instance's kernel into this module's function table; the pointer to call it
    /// by.
    fn install(result: &JsValue) -> Result<CompiledKernel, JsValue> {
        let instance = Reflect::get(result, &"instance".into())?;
        let exports = Reflect::get(&instance, &"exports".into())?;
        let function: Function = Reflect::get(&exports, &jit::wasm::EXPORT.into())?.dyn_into()?;
        let table: WebAssembly::Table = wasm_bindgen::function_table().dyn_into()?;
        let index = table.grow(1)?;
        table.set(index, &function)?;
        let index = usize::try_from(index).map_err(|_| JsValue::from_str("table index"))?;
        // SAFETY: in WebAssembly a function pointer is an index into the function table, and
        // the table's entry `index` now holds the kernel, whose signature (seven i32 in,
        // nothing out) is `CompiledKernel`'s: a call through the pointer is a `call_indirect`
        // the engine type-checks.
        Ok(unsafe { std::mem::transmute::<usize, CompiledKernel>(index) })
    }

    /// Counts the installed kernels in `<html data-compiled-kernels>`, for tests to see.
    fn count_installed() {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let count = root
            .get_attribute(COUNT_ATTRIBUTE)
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0);
        let _ = root.set_attribute(COUNT_ATTRIBUTE, &(count + 1).to_string());
    }

    const COUNT_ATTRIBUTE: &str = "data-compiled-kernels";

    /// Records that `shape` keeps the general kernels, and says why in the console.
    fn give_up(kernels: StoredValue<HashMap<Shape, Entry>>, shape: Shape, error: &JsValue) {
        kernels.try_update_value(|k| k.insert(shape, Entry::None));
        web_sys::console::warn_2(
            &"compiled kernel unavailable, using the general one:".into(),
            error,
        );
    }
}

/// Without the `jit` feature: nothing is compiled.
#[cfg(not(feature = "jit"))]
mod general {
    use crate::core::trainer::Trainer;

    /// Compiles nothing: the general kernels train.
    #[derive(Clone, Copy)]
    pub struct Compiler;

    impl Compiler {
        /// The page's compiler, whatever the address.
        pub fn new(_search: &str) -> Self {
            Compiler
        }

        /// Leaves `trainer` on the general kernels.
        pub fn supply(self, _trainer: &mut Trainer) {}

        /// How many kernels are being compiled: none.
        pub fn pending(self) -> usize {
            0
        }
    }
}
