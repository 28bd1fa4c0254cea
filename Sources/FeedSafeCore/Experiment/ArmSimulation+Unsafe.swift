import Dispatch

extension ArmSimulation {
  /// Simulates one day on every worker, one thread per worker.
  ///
  /// Safe because each iteration `w` of `concurrentPerform` touches only `workers[w]` (moved out
  /// and back in) through a buffer whose bounds are the array's, and the buffer does not outlive the call: no two threads
  /// share a worker. The single-worker path is the safe twin the determinism tests compare to.
  static func simulateDay(_ today: DayState, workers: inout [Worker], context: ArmContext) {
    if workers.count == 1 {
      workers[0].simulateDay(today, context: context)
      return
    }
    workers.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let shared = buffer
      DispatchQueue.concurrentPerform(iterations: shared.count) { w in
        // moved to this thread's stack and back (no copy, no retain): neighbouring workers'
        // page counters would otherwise share cache lines between the cores
        var worker = shared.moveElement(from: w)
        worker.simulateDay(today, context: context)
        shared.initializeElement(at: w, to: worker)
      }
    }
  }
}
