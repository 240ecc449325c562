print("stitch")
