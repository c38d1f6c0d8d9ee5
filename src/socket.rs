//! The one door to WebSocket (#22): a shared plan's connection to its sync server. Binary frames
//! in and out, and what happened to the connection; the protocol lives in
//! [`crate::domain::sync`], which never sees a socket.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

/// What happened on the connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SocketEvent {
    /// The connection is open: the session may send.
    Open,
    /// A binary frame arrived (text frames are not part of the protocol and are dropped).
    Frame(Vec<u8>),
    /// The connection closed or could not open, with the close code (1006: no answer, or
    /// the network went away; 4403 and the like: the server's own reason).
    Closed {
        /// The WebSocket close code.
        code: u16,
    },
}

/// Why a connection could not even start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SocketError {
    /// The browser refused the address (not a WebSocket address, or the page's security
    /// policy forbids it), with its words.
    #[error("the browser refused to connect: {0}")]
    Refused(String),
    /// The connection is not open.
    #[error("not connected")]
    NotOpen,
}

type Handler = Rc<dyn Fn(SocketEvent)>;

/// An open (or opening) connection. Dropping it closes it and unhooks its handlers, so no
/// event reaches a session that is gone.
pub struct Socket {
    ws: WebSocket,
    _open: Closure<dyn FnMut()>,
    _message: Closure<dyn FnMut(MessageEvent)>,
    _close: Closure<dyn FnMut(CloseEvent)>,
}

impl Socket {
    /// Connects to `url`; `on_event` hears of the opening, each frame and the end.
    pub fn connect(
        url: &str,
        on_event: impl Fn(SocketEvent) + 'static,
    ) -> Result<Socket, SocketError> {
        let ws = WebSocket::new(url).map_err(|e| SocketError::Refused(describe(&e)))?;
        ws.set_binary_type(BinaryType::Arraybuffer);
        let handler: Handler = Rc::new(on_event);
        let h = handler.clone();
        let open = Closure::<dyn FnMut()>::new(move || h(SocketEvent::Open));
        let h = handler.clone();
        let message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Ok(buffer) = ev.data().dyn_into::<js_sys::ArrayBuffer>() {
                h(SocketEvent::Frame(
                    js_sys::Uint8Array::new(&buffer).to_vec(),
                ));
            }
        });
        let h = handler;
        let close = Closure::<dyn FnMut(CloseEvent)>::new(move |ev: CloseEvent| {
            h(SocketEvent::Closed { code: ev.code() })
        });
        ws.set_onopen(Some(open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(message.as_ref().unchecked_ref()));
        // An error is always followed by a close event, which says everything needed.
        ws.set_onclose(Some(close.as_ref().unchecked_ref()));
        Ok(Socket {
            ws,
            _open: open,
            _message: message,
            _close: close,
        })
    }

    /// Sends a binary frame.
    pub fn send(&self, frame: &[u8]) -> Result<(), SocketError> {
        if self.ws.ready_state() != WebSocket::OPEN {
            return Err(SocketError::NotOpen);
        }
        self.ws
            .send_with_u8_array(frame)
            .map_err(|e| SocketError::Refused(describe(&e)))
    }

    /// Frames accepted by `send` and not yet handed to the network.
    pub fn buffered(&self) -> u32 {
        self.ws.buffered_amount()
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}
