//! The corpus model that `build.rs` embedded, deserialized once at start-up (the clean
//! texts are rebuilt from their patches, see `ties_core::pack`).

use std::rc::Rc;

use ties_core::pack::{unpack, Packed};
use ties_core::Model;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model.postcard"));

/// A shared, cheaply cloned handle on the model; equal when it is the same model.
#[derive(Clone)]
pub struct Corpus(pub Rc<Model>);

impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Corpus {
    type Target = Model;
    fn deref(&self) -> &Model {
        &self.0
    }
}

pub fn load() -> Result<Corpus, String> {
    let packed = postcard::from_bytes::<Packed>(BYTES).map_err(|e| e.to_string())?;
    unpack(packed).map(|m| Corpus(Rc::new(m)))
}
