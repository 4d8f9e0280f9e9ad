print("cachescope")
