//! Animation frames, for work spread over several frames.

/// A callback waiting for the next frame; dropping it cancels the callback.
pub struct NextFrame {
    #[cfg(target_arch = "wasm32")]
    _frame: gloo::render::AnimationFrame,
}

/// Runs `callback` at the start of the next frame, before its style and
/// layout, so what it changes is painted in that frame.
#[cfg(target_arch = "wasm32")]
pub fn next_frame(callback: impl FnOnce() + 'static) -> NextFrame {
    NextFrame {
        _frame: gloo::render::request_animation_frame(move |_| callback()),
    }
}

/// Natively (SSR, tests) there are no frames: nothing runs.
#[cfg(not(target_arch = "wasm32"))]
pub fn next_frame(_callback: impl FnOnce() + 'static) -> NextFrame {
    NextFrame {}
}
