//! The browser's side of [`crate::core::jit`]: compiles a network shape's kernel module in the
//! background (`WebAssembly.instantiate`, sharing this module's memory), puts its function in
//! this module's function table, and hands the trainer a function pointer to it. Off with
//! `?nojit` in the address (the general kernels then do all the work, with the same results),
//! and always off in the build without SIMD (the kernels are written in SIMD instructions, and
//! that build runs in browsers without them).
use crate::core::jit::{self, Kernel};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Object, Reflect, WebAssembly};

/// Lets the trainer compile kernels, unless the page's address asks for `nojit` or this is the
/// build without SIMD.
pub fn enable(search: &str) {
    if cfg!(target_feature = "simd128") && !search.contains("nojit") {
        jit::set_compiler(Some(compile));
    }
}

fn compile(key: String, module: Vec<u8>) {
    let imports = Object::new();
    let env = Object::new();
    let started = Reflect::set(&env, &"memory".into(), &wasm_bindgen::memory())
        .and_then(|_| Reflect::set(&imports, &"env".into(), &env));
    if let Err(e) = started {
        give_up(&key, &e);
        return;
    }
    let promise = WebAssembly::instantiate_buffer(&module, &imports);
    let failed_key = key.clone();
    let on_ready = Closure::once(move |result: JsValue| match install(&result) {
        Ok(kernel) => {
            jit::install(key, kernel);
            count_installed();
        }
        Err(e) => give_up(&key, &e),
    });
    let on_error = Closure::once(move |e: JsValue| give_up(&failed_key, &e));
    let _ = promise.then2(&on_ready, &on_error);
    // Each runs at most once, for a shape compiled once: leaking the pair is a few bytes.
    on_ready.forget();
    on_error.forget();
}

/// Puts the instance's kernel into this module's function table; the pointer to call it by.
fn install(result: &JsValue) -> Result<Kernel, JsValue> {
    let instance = Reflect::get(result, &"instance".into())?;
    let exports = Reflect::get(&instance, &"exports".into())?;
    let function: Function = Reflect::get(&exports, &jit::wasm::EXPORT.into())?.dyn_into()?;
    let table: WebAssembly::Table = wasm_bindgen::function_table().dyn_into()?;
    let index = table.grow(1)?;
    table.set(index, &function)?;
    let index = usize::try_from(index).map_err(|_| JsValue::from_str("table index"))?;
    // SAFETY: in WebAssembly a function pointer is an index into the function table, and the
    // table's entry `index` now holds the kernel, whose signature (seven i32 in, nothing out)
    // is `Kernel`'s: a call through the pointer is a `call_indirect` the engine type-checks.
    Ok(unsafe { std::mem::transmute::<usize, Kernel>(index) })
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

fn give_up(key: &str, error: &JsValue) {
    jit::failed(key);
    web_sys::console::warn_2(
        &"compiled kernel unavailable, using the general one:".into(),
        error,
    );
}
