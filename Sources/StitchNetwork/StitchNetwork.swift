// StitchNetwork: the community network as a graph, its spectral embedding with LAPACK, communities, brokers and bridging value.
