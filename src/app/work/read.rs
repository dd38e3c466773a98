//! Reading a chosen file as long work. The browser reads it in the background, so the page
//! answers meanwhile (a file on a slow or network disk may take seconds); the bar shows once
//! it has taken a moment, and Cancel drops the read, so its text never lands. A file over
//! the import's limit is refused from its size by the caller, before a byte is read: reading
//! 100 MB into a string and copying it into the page's memory blocked the page for most of a
//! second, only to refuse it then.
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{File, FileReader};

/// A file being read.
pub struct Reading {
    /// Which read this is (the page's count of reads): a cancelled read's text is dropped.
    pub id: u64,
    /// The file's name, for the bar.
    pub name: String,
    reader: FileReader,
    /// Bytes read so far and in all, from the reader's progress events.
    loaded: Rc<Cell<(f64, f64)>>,
    /// Kept while the reader may call it; unset before it goes (see `Drop`).
    _on_progress: Closure<dyn FnMut(JsValue)>,
}

impl Reading {
    /// Starts reading `file` as text. `done` is called once, with the text or the reader's
    /// error, when the read ends (also when it is cancelled: the caller then drops it).
    pub fn start(
        id: u64,
        file: &File,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) -> Result<Self, JsValue> {
        let reader = FileReader::new()?;
        let loaded = Rc::new(Cell::new((0.0, file.size())));
        let on_progress = {
            let loaded = loaded.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let number = |key: &str| {
                    web_sys::js_sys::Reflect::get(&event, &JsValue::from_str(key))
                        .ok()
                        .and_then(|v| v.as_f64())
                };
                if let (Some(read), Some(total)) = (number("loaded"), number("total")) {
                    loaded.set((read, total));
                }
            })
        };
        reader.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        let on_end = {
            let reader = reader.clone();
            Closure::once_into_js(move |_: JsValue| {
                let text = reader.result().ok().and_then(|v| v.as_string());
                done(text.ok_or_else(|| "the file could not be read as text".to_string()));
            })
        };
        reader.set_onloadend(Some(on_end.unchecked_ref()));
        reader.read_as_text(file)?;
        Ok(Reading {
            id,
            name: file.name(),
            reader,
            loaded,
            _on_progress: on_progress,
        })
    }

    /// How much of the file is read, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        let (read, total) = self.loaded.get();
        if total > 0.0 {
            read / total
        } else {
            0.0
        }
    }
}

impl Drop for Reading {
    /// Stops the read if it still goes on (its end is then told to `done`, which finds it
    /// gone), and unsets the progress handler before its closure goes.
    fn drop(&mut self) {
        self.reader.set_onprogress(None);
        if self.reader.ready_state() == FileReader::LOADING {
            self.reader.abort();
        }
    }
}
