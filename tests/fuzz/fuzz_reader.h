// SPDX-License-Identifier: GPL-3.0-or-later
// The reader fuzz target, shared by the libFuzzer binary and the corpus replay driver.
#pragma once

#include <cstddef>
#include <cstdint>

/// libFuzzer entry point: reads data as a CAEX document; an accepted document must survive
/// being written (in both schema versions) and read back. Aborts when it does not.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace dt::fuzz {

/// Whether the reader accepted the last input (for the replay driver's expectations).
bool lastInputAccepted();

/// Also demand that the round trip keeps the model (same JSON dump) and that the writer's
/// output is a fixed point. Off by default; the environment variable DT_FUZZ_STRICT=1 or
/// this call turns it on.
void setStrict(bool strict);

} // namespace dt::fuzz
