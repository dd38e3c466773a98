//! A panic hook that shows the message on the page instead of leaving a dead page.
use wasm_bindgen::JsCast;

/// Installs the hook: the message goes to the console and into a banner at the top of the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("Something went wrong inside the playground: {info}. Reload the page; your link keeps the experiment.");
        web_sys::console::error_1(&message.clone().into());
        let _ = show(&message);
    }));
}

fn show(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let banner = document.create_element("div").ok()?;
    banner.set_class_name("panic-banner");
    banner.set_attribute("role", "alert").ok()?;
    banner.set_text_content(Some(message));
    let body = document.body()?;
    body.prepend_with_node_1(banner.unchecked_ref()).ok()
}
