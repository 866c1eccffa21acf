"""The commands around the pipeline: the library API (`api`: load, check, build), the command
line (`cli`, with its `arguments` and its `progress` display), batches and variants on any
executor (`batch`), the preview server (`serve`), the time limit (`timelimit`), the build report
and SARIF (`report`, `sarif`), the untrusted build cache (`cache`) and `brief new` (`scaffold`).

In: paths and options. Out: outputs published atomically, reports, exit codes.
"""
